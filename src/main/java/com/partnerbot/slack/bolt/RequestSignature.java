package com.partnerbot.slack.bolt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature, {@code v0=} HMAC-SHA256 of {@code v0:timestamp:body}, over
 * the exact bytes received (the body is not decoded first, so no encoding can alter what
 * is checked). The Slack SDK's {@code SlackSignature.Generator} takes the body as a
 * String and hashes it in the platform's default charset: a signed body that is not UTF-8
 * would then fail as unsigned (401) instead of malformed (400), and the check would
 * depend on the JVM's settings.
 */
final class RequestSignature {

	private RequestSignature() {
	}

	static String sign(String secret, String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
			return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
