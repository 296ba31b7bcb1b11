package com.partnerbot.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.partnerbot.platform.LocalMode;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sandbox acts as anyone and its emulator as the bot: the page, its endpoints and the
 * emulator answer this machine only, and nothing that came through a proxy (a forwarding
 * header makes a request from elsewhere look local).
 */
@Component
@Conditional(LocalMode.class)
class SandboxGuard extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !(path.equals("/") || path.startsWith("/sandbox/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (loopback(request.getRemoteAddr()) && !forwarded(request)) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write("{\"ok\":false,\"error\":\"The sandbox serves this machine only.\"}");
	}

	private static boolean loopback(String address) {
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static boolean forwarded(HttpServletRequest request) {
		return Collections.list(request.getHeaderNames())
			.stream()
			.anyMatch(name -> name.equalsIgnoreCase("Forwarded") || name.toLowerCase().startsWith("x-forwarded-"));
	}

}
