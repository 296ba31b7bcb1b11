package com.partnerbot.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /api/**} takes only {@code Authorization: Bearer $PARTNERBOT_ADMIN_TOKEN}; with
 * no token configured it refuses every request.
 */
@Component
class ApiTokenFilter extends OncePerRequestFilter {

	private final byte[] expected;

	ApiTokenFilter(PlatformProperties properties) {
		this.expected = properties.apiEnabled() ? ("Bearer " + properties.adminToken()).getBytes(StandardCharsets.UTF_8)
				: null;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.equals("/api") || path.startsWith("/api/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (expected != null && given != null
				&& MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		String message = (expected == null) ? "the API is disabled: set PARTNERBOT_ADMIN_TOKEN"
				: "missing or wrong bearer token";
		response.getWriter().write("{\"status\":401,\"error\":\"Unauthorized\",\"message\":\"" + message + "\"}");
	}

}
