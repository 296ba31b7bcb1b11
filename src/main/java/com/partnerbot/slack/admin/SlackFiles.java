package com.partnerbot.slack.admin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

import com.partnerbot.slack.LocalSlack;
import com.partnerbot.slack.bolt.SlackProperties;

import org.springframework.stereotype.Component;

/**
 * Files people shared with the bot, fetched from their {@code url_private_download} with
 * the bot token. The token goes only to Slack's file host or to the configured Web API's
 * own host (a proxy, or the stub in tests), never to an address a payload names
 * elsewhere.
 */
@Component
class SlackFiles {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final int MAX_REDIRECTS = 3;

	private final LocalSlack credentials;

	private final URI apiUrl;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	SlackFiles(LocalSlack credentials, SlackProperties properties) {
		this.credentials = credentials;
		this.apiUrl = properties.apiUrl();
	}

	/** Why a file could not be fetched, in words for the person who shared it. */
	static final class DownloadFailed extends Exception {

		DownloadFailed(String message) {
			super(message);
		}

	}

	/**
	 * The file's bytes, at most {@code maxBytes}; more than that is refused without
	 * reading the rest.
	 */
	byte[] download(String url, String name, int maxBytes) throws DownloadFailed {
		URI uri = trusted(url);
		try {
			// redirects are followed by hand, so the token only ever goes to a trusted
			// host
			for (int redirects = 0; redirects <= MAX_REDIRECTS; redirects++) {
				HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri)
					.timeout(TIMEOUT)
					.header("Authorization", "Bearer " + credentials.botToken())
					.GET()
					.build(), HttpResponse.BodyHandlers.ofInputStream());
				try (InputStream body = response.body()) {
					String location = response.headers().firstValue("Location").orElse(null);
					if (response.statusCode() / 100 == 3 && location != null) {
						uri = trusted(uri.resolve(location).toString());
						continue;
					}
					return bytes(response, body, name, maxBytes);
				}
			}
			throw new DownloadFailed("Slack redirected the download too many times");
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new DownloadFailed("the download failed (" + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : "") + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DownloadFailed("the download was interrupted");
		}
	}

	private static byte[] bytes(HttpResponse<InputStream> response, InputStream body, String name, int maxBytes)
			throws IOException, DownloadFailed {
		if (response.statusCode() != 200) {
			throw new DownloadFailed("Slack answered HTTP " + response.statusCode() + " to the download");
		}
		String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
		String lowerName = name.toLowerCase(Locale.ROOT);
		if (type.startsWith("text/html") && !lowerName.endsWith(".html") && !lowerName.endsWith(".htm")) {
			// what Slack answers a request it does not authorize: its sign-in page
			throw new DownloadFailed(
					"Slack sent its sign-in page instead of the file (does the app have the files:read scope?)");
		}
		byte[] bytes = body.readNBytes(maxBytes + 1);
		if (bytes.length > maxBytes) {
			throw new DownloadFailed("the file is larger than " + (maxBytes / (1024 * 1024)) + " MB");
		}
		return bytes;
	}

	private URI trusted(String url) throws DownloadFailed {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new DownloadFailed("Slack gave no usable download address");
		}
		boolean slackFiles = "https".equals(uri.getScheme()) && "files.slack.com".equalsIgnoreCase(uri.getHost());
		boolean apiHost = String.valueOf(apiUrl.getScheme()).equals(uri.getScheme())
				&& String.valueOf(apiUrl.getHost()).equalsIgnoreCase(uri.getHost())
				&& apiUrl.getPort() == uri.getPort();
		if (!slackFiles && !apiHost) {
			throw new DownloadFailed("the file is not on Slack's file host");
		}
		return uri;
	}

}
