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
		String globex = partnerId("Globex Systems");
		JsonObject card = api("/api/partners/" + globex + "/scorecard").getAsJsonObject();
		JsonObject kpis = card.getAsJsonObject("kpis");
		assertThat(kpis.get("wonRevenue").getAsBigDecimal()).isPositive();
		assertThat(kpis.getAsJsonObject("certifiedPeople").get("Certified Sales Professional").getAsInt()).isPositive();
		assertThat(card.getAsJsonObject("programSatisfaction").get("psat").getAsDouble()).isPositive();
		// Gold requires won revenue, sales and engineering certifications: not all at
		// risk
		assertThat(card.getAsJsonArray("atRisk").size()).isLessThan(3);
	}

	/**
	 * The tour asks for MDF as Acme (Silver): last quarter's accrual is there to spend,
	 * at the policy's 2% of won revenue within the Silver cap; a Registered partner
	 * accrues none, as the policy says.
	 */
	@Test
	void theDemoPartnersHaveLastQuartersMdfAsThePolicyAccruesIt() throws Exception {
		JsonObject acme = api("/api/partners/" + partnerId("Acme Resellers") + "/mdf").getAsJsonObject();
		// 2% of the 160,000 its first demo deal won on last quarter's last day (other
		// tests
		// may spend some of it since)
		assertThat(acme.get("allocated").getAsBigDecimal()).isEqualByComparingTo("3200.00");
		assertThat(acme.get("available").getAsBigDecimal()).isPositive();
		JsonObject initrode = api("/api/partners/" + partnerId("Initrode MSP") + "/mdf").getAsJsonObject();
		assertThat(initrode.get("allocated").getAsBigDecimal()).isZero();
	}

	private String partnerId(String name) throws Exception {
		for (JsonElement partner : api("/api/partners").getAsJsonArray()) {
			if (partner.getAsJsonObject().get("name").getAsString().equals(name)) {
				return partner.getAsJsonObject().get("id").getAsString();
			}
		}
		throw new AssertionError("no demo partner " + name);
	}

}
