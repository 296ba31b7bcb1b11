package com.partnerbot.program;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/program/summary}, the per-partner CSV and the charts, over real deals.
 */
class ProgramSummaryTests extends ProgramTests {

	@Test
	void theSummaryCountsPartnersByTierAndHealthAndTheRevenueSourcedAndInfluenced() throws Exception {
		JsonObject before = summary();
		String partner = registerPartner(unique("=Summit "), "Gold", unique("TS"));
		win(partner, registerDeal(partner));
		registerDeal(partner);
		HttpResponse<String> funds = api("POST", "/api/mdf/allocations",
				"""
						{"partnerId": "%s", "amount": 12000, "currency": "USD", "startsOn": "%s", "endsOn": "%s"}"""
					.formatted(partner, com.partnerbot.TestClock.today().minusDays(1),
							com.partnerbot.TestClock.today().plusDays(200)));
		assertThat(funds.statusCode()).as(funds.body()).isEqualTo(201);

		JsonObject after = summary();
		assertThat(after.get("partners").getAsInt()).isEqualTo(before.get("partners").getAsInt() + 1);
		assertThat(after.getAsJsonObject("partnersByTier").get("Gold").getAsInt())
			.isEqualTo(before.getAsJsonObject("partnersByTier").get("Gold").getAsInt() + 1);
		assertThat(after.getAsJsonObject("partnersByHealth").keySet()).containsExactly("HEALTHY", "WATCH", "AT_RISK");
		assertThat(
				after.get("sourcedRevenue").getAsBigDecimal().subtract(before.get("sourcedRevenue").getAsBigDecimal()))
			.isEqualByComparingTo("50000");
		assertThat(after.has("influencedRevenue")).isTrue();
		assertThat(after.get("winRate").getAsDouble()).isPositive();
		assertThat(after.getAsJsonArray("onboarding").get(0).getAsJsonObject().get("step").getAsString())
			.isEqualTo("agreement");
		JsonObject metrics = after.getAsJsonArray("partnerMetrics")
			.asList()
			.stream()
			.map(e -> e.getAsJsonObject())
			.filter(m -> m.get("partnerId").getAsString().equals(partner))
			.findFirst()
			.orElseThrow();
		assertThat(metrics.get("won").getAsInt()).isEqualTo(1);
		assertThat(metrics.get("daysToFirstDeal").getAsLong()).isZero();
		assertThat(metrics.get("daysToFirstRevenue").getAsLong()).isZero();
		// the MDF module tells the program its funds
		BigDecimal allocatedBefore = before.has("mdf")
				? before.getAsJsonObject("mdf").get("allocated").getAsBigDecimal() : BigDecimal.ZERO;
		assertThat(after.getAsJsonObject("mdf").get("allocated").getAsBigDecimal().subtract(allocatedBefore))
			.isEqualByComparingTo("12000");

		HttpResponse<String> csv = api("GET", "/api/program/partners.csv", null);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(csv.body()).startsWith("partner_id,name,tier,health,status,pipeline,won_revenue,sourced_revenue")
			.contains(partner + ",'=Summit ");
		assertThat(api("GET", "/api/program/summary", null, null).statusCode()).isEqualTo(401);
	}

	@Test
	void eachChartIsAPngImage() throws Exception {
		HttpResponse<byte[]> chart = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/program/charts/health.png"))
				.header("Authorization", "Bearer " + ADMIN_TOKEN)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(chart.statusCode()).isEqualTo(200);
		assertThat(chart.body()).startsWith(0x89, 'P', 'N', 'G');
		assertThat(api("GET", "/api/program/charts/nothing.png", null).statusCode()).isEqualTo(404);
	}

	private JsonObject summary() {
		return apiJson(200, "GET", "/api/program/summary", null);
	}

}
