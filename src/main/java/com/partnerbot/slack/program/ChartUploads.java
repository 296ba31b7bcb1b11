package com.partnerbot.slack.program;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.slack.bolt.SlackApi;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

/**
 * Puts chart images in Slack by its file upload: {@code files.getUploadURLExternal} for
 * an upload URL, the bytes posted there, then {@code files.completeUploadExternal}.
 * Blocks then show a chart by its file id. A chart whose picture did not change is not
 * uploaded again.
 */
@Component
@RequiredArgsConstructor
class ChartUploads {

	private static final Logger log = LoggerFactory.getLogger(ChartUploads.class);

	private final SlackApi api;

	private final HttpClient http = HttpClient.newHttpClient();

	private final Map<String, String> uploaded = new ConcurrentHashMap<>();

	/**
	 * The Slack file id of this picture, uploaded if it is new; empty if Slack refused.
	 */
	Optional<String> upload(String name, String title, byte[] png) {
		String digest = sha256(png);
		String known = uploaded.get(digest);
		if (known != null) {
			return Optional.of(known);
		}
		try {
			var url = api.client().filesGetUploadURLExternal(r -> r.filename(name + ".png").length(png.length));
			if (!url.isOk()) {
				log.warn("files.getUploadURLExternal failed: {}", url.getError());
				return Optional.empty();
			}
			HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(url.getUploadUrl()))
				.header("Content-Type", "image/png")
				.POST(HttpRequest.BodyPublishers.ofByteArray(png))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (sent.statusCode() != 200) {
				log.warn("Upload of {} answered {}", name, sent.statusCode());
				return Optional.empty();
			}
			var complete = api.client()
				.filesCompleteUploadExternal(
						r -> r.files(List.of(FilesCompleteUploadExternalRequest.FileDetails.builder()
							.id(url.getFileId())
							.title(title)
							.build())));
			if (!complete.isOk()) {
				log.warn("files.completeUploadExternal failed: {}", complete.getError());
				return Optional.empty();
			}
			uploaded.put(digest, url.getFileId());
			return Optional.of(url.getFileId());
		}
		catch (IOException | SlackApiException ex) {
			log.warn("Upload of chart {} failed", name, ex);
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
