package com.partnerbot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Requests to the application under test on this machine, as its API clients send them.
 */
public final class TestHttp {

	private static final HttpClient http = HttpClient.newHttpClient();

	private TestHttp() {
	}

	/**
	 * A request to the application on this port; a null body sends none, a null content
	 * type or token sends no such header.
	 */
	public static HttpResponse<String> send(int port, String method, String path, String contentType, String body,
			String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
