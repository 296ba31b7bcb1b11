package com.partnerbot.platform;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request was made on this machine, to this machine: from a loopback address,
 * to a loopback name (a page that rebinds its own DNS name to 127.0.0.1 still sends its
 * own name as {@code Host}), not through a proxy (a forwarding header makes a request
 * from elsewhere look local), and not from another site's page ({@code Origin}).
 */
public final class Loopback {

	private Loopback() {
	}

	public static boolean request(HttpServletRequest request) {
		return address(request.getRemoteAddr()) && name(hostOf(request.getHeader("Host"))) && !forwarded(request)
				&& origin(request.getHeader("Origin"));
	}

	static boolean address(String address) {
		// a literal only: a name would be looked up in DNS
		if (address == null || !address.matches("[0-9.]+|[0-9A-Fa-f:.%a-z]*:[0-9A-Fa-f:.%a-z]*")) {
			return false;
		}
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/** A loopback name: {@code localhost} (and its subdomains), 127.0.0.0/8 or ::1. */
	static boolean name(String host) {
		if (host == null || host.isEmpty()) {
			return false;
		}
		String name = host.toLowerCase(Locale.ROOT);
		if (name.equals("localhost") || name.endsWith(".localhost")) {
			return true;
		}
		if (name.startsWith("[") && name.endsWith("]")) {
			name = name.substring(1, name.length() - 1);
		}
		return address(name);
	}

	private static String hostOf(String hostHeader) {
		if (hostHeader == null) {
			return null;
		}
		String host = hostHeader.trim();
		if (host.startsWith("[")) {
			int end = host.indexOf(']');
			return (end > 0) ? host.substring(0, end + 1) : null;
		}
		int colon = host.lastIndexOf(':');
		return (colon >= 0) ? host.substring(0, colon) : host;
	}

	private static boolean origin(String origin) {
		if (origin == null) {
			return true;
		}
		try {
			URI uri = URI.create(origin);
			return uri.getHost() != null && name(uri.getHost());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean forwarded(HttpServletRequest request) {
		return Collections.list(request.getHeaderNames())
			.stream()
			.map((header) -> header.toLowerCase(Locale.ROOT))
			.anyMatch((header) -> header.equals("forwarded") || header.startsWith("x-forwarded-")
					|| header.equals("x-real-ip"));
	}

}
