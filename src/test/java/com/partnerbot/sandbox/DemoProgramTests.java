package com.partnerbot.sandbox;

import java.net.http.HttpResponse;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo program comes with some history, so a scorecard in the sandbox tour shows a
 * partner on its way rather than at risk on every line.
 */
class DemoProgramTests extends SandboxTests {

	private JsonElement api(String path) throws Exception {
		HttpResponse<String> response = adminGet(path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonParser.parseString(response.body());
	}

	@Test
	void theDemoPartnersHaveWonDealsCertificationsAndSurveyAnswers() throws Exception {
		String globex = null;
		for (JsonElement partner : api("/api/partners").getAsJsonArray()) {
			if (partner.getAsJsonObject().get("name").getAsString().equals("Globex Systems")) {
				globex = partner.getAsJsonObject().get("id").getAsString();
			}
		}
		assertThat(globex).isNotNull();
		JsonObject card = api("/api/partners/" + globex + "/scorecard").getAsJsonObject();
		JsonObject kpis = card.getAsJsonObject("kpis");
		assertThat(kpis.get("wonRevenue").getAsBigDecimal()).isPositive();
		assertThat(kpis.getAsJsonObject("certifiedPeople").get("Certified Sales Professional").getAsInt()).isPositive();
		assertThat(card.getAsJsonObject("programSatisfaction").get("psat").getAsDouble()).isPositive();
		// Gold requires won revenue, sales and engineering certifications: not all at
		// risk
		assertThat(card.getAsJsonArray("atRisk").size()).isLessThan(3);
	}

}
