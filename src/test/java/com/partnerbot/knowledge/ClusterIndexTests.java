package com.partnerbot.knowledge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;
import com.partnerbot.SlackClientForTests;
import com.partnerbot.SlackPayloadFiles;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL, as behind a load balancer: a document uploaded through
 * one is cited by the other within seconds; a new instance builds its index from the
 * cluster's stored vectors without embedding anything and is ready only once it serves
 * the cluster's version; the same Slack delivery sent to both is answered once.
 */
class ClusterIndexTests extends EndToEndTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	KnowledgeBase knowledge;

	@Test
	void aDocumentUploadedThroughOneInstanceIsCitedByTheOtherAndANewInstanceEmbedsNothing() throws Exception {
		awaitIndexed(knowledge);
		Instance second = anotherInstance("target/test-data/" + unique("cluster-b-"),
				Map.of("partnerbot.admin-token", ADMIN_TOKEN));
		String path = "cluster-test/" + unique("zorblax-") + ".md";
		try {
			int port = second.port();
			KnowledgeBase other = second.bean(KnowledgeBase.class);
			// a new instance over the same library: ready once indexed, from stored
			// vectors
			Awaitility.await()
				.atMost(Duration.ofMinutes(1))
				.until(() -> get(port, "/actuator/health/readiness").statusCode() == 200 && other.lastReport() != null);
			assertThat(other.version()).isEqualTo(knowledge.version()).isNotEmpty();
			assertThat(other.lastReport().embedded()).isZero();
			assertThat(other.lastReport().chunks()).isEqualTo(knowledge.size());
			// operators see which version an instance serves; anyone else sees only the
			// status
			assertThat(api("GET", "/actuator/health", null).body()).contains("\"indexVersion\"",
					"\"serving\":\"" + knowledge.version() + "\"");
			assertThat(api("GET", "/actuator/health", null, null).body()).contains("\"status\":\"UP\"")
				.doesNotContain("indexVersion", "serving");

			// an admin uploads a document through the second instance
			HttpResponse<String> uploaded = upload(port, path,
					"# Zorblax rebate\n\nThe Zorblax rebate is 7 percent of the list price for every partner tier.\n");
			assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
			String version = JsonParser.parseString(uploaded.body()).getAsJsonObject().get("version").getAsString();
			assertThat(version).isNotEqualTo(knowledge.version());

			// the first instance follows and cites it
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> version.equals(knowledge.version()));
			String partner = registerPartner(unique("Clusterco "), "Silver", unique("T_CL"));
			HttpResponse<String> answer = api("POST", "/api/ask", """
					{"question": "What is the Zorblax rebate?", "partnerId": "%s"}""".formatted(partner));
			assertThat(answer.body()).contains(path, "7 percent");
			assertThat(knowledge.lastReport().embedded()).as("the upload was embedded once, by the second instance")
				.isZero();

			// removed through the first, gone from the second
			assertThat(api("DELETE", "/api/content/" + path, null).statusCode()).isEqualTo(200);
			Awaitility.await()
				.atMost(Duration.ofSeconds(20))
				.until(() -> other.version().equals(knowledge.version()) && !other.version().equals(version));

			// Slack retries a delivery, and the retry lands on the other instance
			String channel = unique("C_CL");
			String team = unique("T_CL2");
			registerPartner(unique("Slackco "), "Silver", team, channel);
			JsonObject mention = SlackPayloadFiles.json("event_callback.app_mention.ext_shared.json");
			mention.addProperty("event_id", unique("EvCluster"));
			JsonObject event = mention.getAsJsonObject("event");
			event.addProperty("channel", channel);
			event.addProperty("text", "<@U123> how long is a registered deal protected?");
			event.addProperty("team", team);
			assertThat(slack().json(mention.toString()).statusCode()).isEqualTo(200);
			assertThat(new SlackClientForTests(port).retry(mention.toString(), 1).statusCode()).isEqualTo(200);
			String ts = event.get("ts").getAsString();
			assertThat(slackApi.awaitExactly("chat.postMessage",
					c -> channel.equals(c.arg("channel")) && ts.equals(c.arg("thread_ts")), 1))
				.hasSize(1);
		}
		finally {
			second.close();
			jdbc.sql("delete from knowledge_document where path = ?").param(path).update();
		}
	}

	private static HttpResponse<String> get(int port, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> upload(int port, String path, String markdown) throws Exception {
		String boundary = "----partnerbot" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"path\"\r\n\r\n" + path + "\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload.md\"\r\n"
				+ "Content-Type: text/markdown\r\n\r\n" + markdown + "\r\n--" + boundary + "--\r\n";
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/content"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
