package com.partnerbot.crm;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import com.google.gson.JsonObject;
import org.awaitility.Awaitility;

import com.partnerbot.EndToEndTests;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole application connected to a stub CRM: the sync's API and outbox, and waiting
 * for the sync in the background.
 */
abstract class CrmEndToEndTests extends EndToEndTests {

	@Autowired
	CrmOutbox outbox;

	/** Waits up to thirty seconds for the condition. */
	static void await(String what, BooleanSupplier condition) {
		Awaitility.await(what)
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(condition::getAsBoolean);
	}

	JsonObject status() {
		return apiJson(200, "GET", "/api/crm/status", null);
	}

	JsonObject sync() {
		return apiJson(200, "POST", "/api/crm/sync", null);
	}

}
