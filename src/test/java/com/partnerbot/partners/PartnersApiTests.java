package com.partnerbot.partners;

import java.net.http.HttpResponse;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;

import static org.assertj.core.api.Assertions.assertThat;

class PartnersApiTests extends EndToEndTests {

	@Test
	void registersAndReadsAPartner() {
		String team = unique("T");
		String channel = unique("C");
		HttpResponse<String> created = api("POST", "/api/partners", """
				{"name": "%s", "tier": "gold", "slackTeamIds": ["%s"], "slackChannelIds": ["%s"]}
				""".formatted(unique("Initech "), team, channel));
		assertThat(created.statusCode()).isEqualTo(201);
		JsonObject partner = JsonParser.parseString(created.body()).getAsJsonObject();
		assertThat(partner.get("tier").getAsString()).isEqualTo("Gold");
		assertThat(created.headers().firstValue("Location"))
			.contains("/api/partners/" + partner.get("id").getAsString());

		HttpResponse<String> read = api("GET", "/api/partners/" + partner.get("id").getAsString(), null);
		assertThat(read.statusCode()).isEqualTo(200);
		JsonObject body = JsonParser.parseString(read.body()).getAsJsonObject();
		assertThat(body.getAsJsonArray("slackTeamIds").get(0).getAsString()).isEqualTo(team);
		assertThat(body.getAsJsonArray("slackChannelIds").get(0).getAsString()).isEqualTo(channel);
	}

	@Test
	void refusesRequestsWithoutTheAdminToken() {
		assertThat(api("GET", "/api/partners", null, null).statusCode()).isEqualTo(401);
		assertThat(api("GET", "/api/partners", null, "wrong").statusCode()).isEqualTo(401);
		assertThat(api("POST", "/api/partners", "{\"name\":\"X\",\"tier\":\"Gold\"}", ADMIN_TOKEN + "x").statusCode())
			.isEqualTo(401);
	}

	@Test
	void namesTheWrongFields() {
		HttpResponse<String> missing = api("POST", "/api/partners", "{\"slackTeamIds\": [\"bad id!\"]}");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.body()).contains("\"field\":\"name\"", "\"field\":\"tier\"", "slackTeamIds[0]");

		HttpResponse<String> badTier = api("POST", "/api/partners", "{\"name\": \"Vandelay\", \"tier\": \"Diamond\"}");
		assertThat(badTier.statusCode()).isEqualTo(400);
		assertThat(badTier.body()).contains("\"field\":\"tier\"", "Registered, Silver, Gold, Platinum");

		HttpResponse<String> notJson = api("POST", "/api/partners", "{\"name\": ");
		assertThat(notJson.statusCode()).isEqualTo(400);
		assertThat(notJson.body()).contains("not valid JSON");

		HttpResponse<String> badId = api("GET", "/api/partners/not-a-uuid", null);
		assertThat(badId.statusCode()).isEqualTo(400);
		assertThat(badId.body()).contains("\"field\":\"id\"");
	}

	@Test
	void unknownPartnerIsNotFound() {
		assertThat(api("GET", "/api/partners/00000000-0000-0000-0000-000000000000", null).statusCode()).isEqualTo(404);
	}

	@Test
	void aSlackTeamBelongsToOnePartner() {
		String team = unique("T");
		assertThat(api("POST", "/api/partners", """
				{"name": "%s", "tier": "Silver", "slackTeamIds": ["%s"]}""".formatted(unique("First "), team))
			.statusCode()).isEqualTo(201);
		HttpResponse<String> second = api("POST", "/api/partners", """
				{"name": "%s", "tier": "Silver", "slackTeamIds": ["%s"]}""".formatted(unique("Second "), team));
		assertThat(second.statusCode()).isEqualTo(409);
		assertThat(second.body()).contains("\"field\":\"slackTeamIds\"", team);
	}

	@Test
	void publishesTheOpenApiDocument() {
		HttpResponse<String> docs = api("GET", "/v3/api-docs", null, null);
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/partners");
	}

	@Test
	void aChannelManagerChangesATier() {
		String team = unique("T");
		HttpResponse<String> created = api("POST", "/api/partners", """
				{"name": "%s", "tier": "Silver", "slackTeamIds": ["%s"]}""".formatted(unique("Mover "), team));
		String id = JsonParser.parseString(created.body()).getAsJsonObject().get("id").getAsString();
		HttpResponse<String> moved = api("PATCH", "/api/partners/" + id, "{\"tier\": \"gold\"}");
		assertThat(moved.statusCode()).isEqualTo(200);
		assertThat(moved.body()).contains("\"tier\":\"Gold\"");
		HttpResponse<String> bad = api("PATCH", "/api/partners/" + id, "{\"tier\": null}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("\"field\":\"tier\"");
	}

}
