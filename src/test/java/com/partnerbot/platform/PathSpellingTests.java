package com.partnerbot.platform;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.partnerbot.EndToEndTests;
import com.partnerbot.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin token cannot be walked around: every spelling of a protected path that an
 * attacker would try (percent-encoded letters, {@code ;} parameters, dot segments, double
 * slashes, case, encoded separators) is refused without the token and shows nothing, sent
 * byte for byte as written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PathSpellingTests extends EndToEndTests {

	private String partnerId;

	private String partnerName;

	@BeforeAll
	void aPartner() {
		partnerName = unique("Secretive Partner ");
		String created = api("POST", "/api/partners", """
				{"name": "%s", "tier": "Silver", "slackTeamIds": ["%s"]}""".formatted(partnerName, unique("T"))).body();
		partnerId = JsonParser.parseString(created).getAsJsonObject().get("id").getAsString();
	}

	static Stream<String> spellings() {
		return Stream.of("/api/partners/ID", "/%61pi/partners/ID", "/%41pi/partners/ID", "/a%70i/partners/ID",
				"/api/%70artners/ID", "/%2561pi/partners/ID", "/api;x/partners/ID", "/api;/partners/ID",
				"/api/partners;x/ID", "/api/partners/ID;x", "/API/partners/ID", "/Api/partners/ID", "/api/PARTNERS/ID",
				"//api/partners/ID", "/api//partners/ID", "///api/partners/ID", "/./api/partners/ID",
				"/api/./partners/ID", "/x/../api/partners/ID", "/x/%2e%2e/api/partners/ID", "/x/%2E%2E/api/partners/ID",
				"/%2e/api/partners/ID", "/api%2Fpartners/ID", "/api%2fpartners%2fID", "/api%5Cpartners/ID",
				"/api\\partners\\ID", "/api/partners/ID/", "/api/partners/ID%00", "/api/partners/ID%20",
				"/api/partners/ID.json", "/api/partners/ID?x=/health", "/actuator/health/../../api/partners/ID",
				"/actuator/health/%2e%2e/%2e%2e/api/partners/ID", "/slack/events/../../api/partners/ID",
				"/v3/api-docs/../../api/partners/ID", "/v3/api-docs/%2e%2e/%2e%2e/api/partners/ID",
				"/sandbox/../api/partners/ID", "/;/api/partners/ID", "/api/partners/%49D", "/%u0061pi/partners/ID",
				"/api/partners/ID#fragment");
	}

	@ParameterizedTest
	@MethodSource("spellings")
	void aReadWithoutTheTokenIsRefusedAndShowsNothing(String spelling) {
		for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("Authorization", "Bearer wrong"),
				Map.of("Authorization", "Basic YWRtaW46YWRtaW4="), Map.of("Authorization", "Bearer"))) {
			RawHttp.Response response = RawHttp.send(port, "GET", spelling.replace("ID", partnerId), headers, null);
			assertThat(response.status()).as(spelling + " " + headers).isBetween(400, 499);
			assertThat(response.body()).as(spelling).doesNotContain(partnerName);
		}
	}

	@ParameterizedTest
	@MethodSource("spellings")
	void aChangeWithoutTheTokenIsRefusedAndChangesNothing(String spelling) {
		RawHttp.Response response = RawHttp.send(port, "PATCH", spelling.replace("ID", partnerId), Map.of(),
				"{\"tier\": \"Platinum\"}");
		assertThat(response.status()).as(spelling).isBetween(400, 499);
		assertThat(api("GET", "/api/partners/" + partnerId, null).body()).contains("\"tier\":\"Silver\"");
	}

	static Stream<Arguments> otherProtectedPaths() {
		return Stream.of(Arguments.of("POST", "/%61pi/partners"), Arguments.of("GET", "/api;x/deals?partnerId=x"),
				Arguments.of("POST", "/api;x/admin/reindex"), Arguments.of("POST", "/%61pi/ask"),
				Arguments.of("GET", "/%61pi/surveys"), Arguments.of("GET", "/actuator/prometheus"),
				Arguments.of("GET", "/%61ctuator/prometheus"), Arguments.of("GET", "/actuator;x/prometheus"),
				Arguments.of("GET", "/actuator/prometheus;x"), Arguments.of("GET", "/actuator/health/../prometheus"),
				Arguments.of("GET", "/actuator/env"), Arguments.of("GET", "/actuator/heapdump"),
				Arguments.of("GET", "/actuator/info"), Arguments.of("GET", "/"),
				Arguments.of("GET", "/sandbox/session"), Arguments.of("GET", "/%73andbox/session"),
				Arguments.of("POST", "/sandbox/api/auth.test"), Arguments.of("GET", "/anything-else"));
	}

	@ParameterizedTest
	@MethodSource("otherProtectedPaths")
	void everyOtherProtectedPathIsRefusedWithoutTheToken(String method, String path) {
		RawHttp.Response response = RawHttp.send(port, method, path, Map.of(), (method.equals("POST")) ? "{}" : null);
		assertThat(response.status()).as(method + " " + path).isBetween(400, 499);
		assertThat(response.body()).doesNotContain("hikaricp", "jvm_memory", partnerName);
	}

	@Test
	void healthStaysOpenAndTheTokenStillWorks() {
		assertThat(RawHttp.send(port, "GET", "/actuator/health", Map.of(), null).status()).isEqualTo(200);
		RawHttp.Response withToken = RawHttp.send(port, "GET", "/api/partners/" + partnerId,
				Map.of("Authorization", "Bearer " + ADMIN_TOKEN), null);
		assertThat(withToken.status()).isEqualTo(200);
		assertThat(withToken.body()).contains(partnerName);
	}

}
