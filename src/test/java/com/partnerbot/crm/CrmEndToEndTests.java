package com.partnerbot.crm;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import com.partnerbot.EndToEndTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application connected to a stub CRM: the sync's API, and waiting for the sync
 * in the background.
 */
abstract class CrmEndToEndTests extends EndToEndTests {

	/** Waits up to thirty seconds for the condition. */
	static void await(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting until " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	JsonObject status() {
		HttpResponse<String> status = api("GET", "/api/crm/status", null);
		assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
		return JsonParser.parseString(status.body()).getAsJsonObject();
	}

	JsonObject sync() {
		HttpResponse<String> sync = api("POST", "/api/crm/sync", null);
		assertThat(sync.statusCode()).as(sync.body()).isEqualTo(200);
		return JsonParser.parseString(sync.body()).getAsJsonObject();
	}

}
