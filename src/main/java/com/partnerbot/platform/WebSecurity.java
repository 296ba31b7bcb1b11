package com.partnerbot.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what, decided by Spring Security on the path the router matches (its
 * firewall refuses encoded separators, {@code ;} parameters and dot segments before any
 * rule is read):
 * <ul>
 * <li>{@code /api/**} and the metrics take {@code Authorization: Bearer
 * $PARTNERBOT_ADMIN_TOKEN}; with no token configured they refuse everyone;</li>
 * <li>{@code /slack/events} is open: every delivery's signature is checked there;</li>
 * <li>health and the OpenAPI document are open;</li>
 * <li>the sandbox ({@code /}, {@code /sandbox/**}) answers this machine only, in local
 * mode only;</li>
 * <li>everything else is refused.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class WebSecurity {

	static final String ADMIN = "ADMIN";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, PlatformProperties properties, Environment environment)
			throws Exception {
		boolean local = LocalMode.isLocal(environment);
		int managementPort = managementPort(environment);
		RequestMatcher sandbox = request -> isSandboxPath(request);
		RequestMatcher managementPortRequest = request -> managementPort > 0
				&& request.getLocalPort() == managementPort;
		AuthenticationFilter bearer = new AuthenticationFilter(adminTokens(properties), bearerToken());
		// the token is read where it is asked for: the sandbox's emulator takes the bot's
		bearer.setRequestMatcher(new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/api/**"),
				PathPatternRequestMatcher.pathPattern("/actuator/**")));
		bearer.setSuccessHandler((request, response, authentication) -> {
		});
		bearer.setFailureHandler((request, response, ex) -> refuse(response, properties, ex));
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> refuse(response, properties, ex);
		AuthenticationEntryPoint sandboxRefusal = (request, response, ex) -> refuseSandbox(response, local);
		http.csrf((csrf) -> csrf.disable())
			.cors((cors) -> cors.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterAt(bearer, BasicAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(sandboxRefusal, sandbox)
				.defaultAuthenticationEntryPointFor(unauthorized, request -> true)
				.accessDeniedHandler((request, response, ex) -> refuse(response, properties, null)))
			.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/slack/events")
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers(managementPortRequest)
				.permitAll()
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**")
				.permitAll()
				.requestMatchers("/api/**", "/actuator/**")
				.hasRole(ADMIN)
				.requestMatchers(sandbox)
				.access(thisMachineOnly(local))
				.anyRequest()
				.denyAll());
		return http.build();
	}

	/**
	 * No observation around each security filter, authentication and authorization:
	 * starting and stopping those dozen observations took a tenth of a Slack delivery's
	 * request thread, as much as Partnerbot's own code on it (docs/benchmarks.md,
	 * "Acknowledgements: a profile of the request thread beside the floor's"). Each
	 * request is still timed as a whole ({@code http.server.requests}).
	 */
	@Bean
	static SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/** Keeps Boot from making up a user with a generated password. */
	@Bean
	UserDetailsService noUsers() {
		return (username) -> {
			throw new org.springframework.security.core.userdetails.UsernameNotFoundException(username);
		};
	}

	private static boolean isSandboxPath(HttpServletRequest request) {
		String path = request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		return path.equals("/") || path.startsWith("/sandbox/");
	}

	private static int managementPort(Environment environment) {
		Integer management = environment.getProperty("management.server.port", Integer.class);
		Integer server = environment.getProperty("server.port", Integer.class, 8080);
		return (management != null && management > 0 && !management.equals(server)) ? management : -1;
	}

	/**
	 * The sandbox acts as anyone and its emulator as the bot: it serves requests made on
	 * this machine to a loopback name, and nothing that came through a proxy or from
	 * another site's page.
	 */
	private static AuthorizationManager<RequestAuthorizationContext> thisMachineOnly(boolean local) {
		return (authentication, context) -> new AuthorizationDecision(local && Loopback.request(context.getRequest()));
	}

	private static AuthenticationConverter bearerToken() {
		return (request) -> {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				return null;
			}
			return UsernamePasswordAuthenticationToken.unauthenticated("admin", header.substring(7).trim());
		};
	}

	private static AuthenticationManager adminTokens(PlatformProperties properties) {
		byte[] expected = properties.apiEnabled() ? properties.adminToken().getBytes(StandardCharsets.UTF_8) : null;
		return (authentication) -> {
			byte[] given = String.valueOf(authentication.getCredentials()).getBytes(StandardCharsets.UTF_8);
			if (expected == null || !MessageDigest.isEqual(expected, given)) {
				throw new BadCredentialsException("missing or wrong bearer token");
			}
			return UsernamePasswordAuthenticationToken.authenticated("admin", null,
					AuthorityUtils.createAuthorityList("ROLE_" + ADMIN));
		};
	}

	private static void refuse(HttpServletResponse response, PlatformProperties properties, AuthenticationException ex)
			throws IOException {
		boolean unauthenticated = ex != null || !properties.apiEnabled();
		int status = unauthenticated ? HttpServletResponse.SC_UNAUTHORIZED : HttpServletResponse.SC_FORBIDDEN;
		String message = !properties.apiEnabled() ? "the API is disabled: set PARTNERBOT_ADMIN_TOKEN"
				: unauthenticated ? "missing or wrong bearer token" : "not allowed";
		response.setStatus(status);
		if (unauthenticated) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter()
			.write("{\"status\":" + status + ",\"error\":\"" + (unauthenticated ? "Unauthorized" : "Forbidden")
					+ "\",\"message\":\"" + message + "\"}");
	}

	private static void refuseSandbox(HttpServletResponse response, boolean local) throws IOException {
		// with Slack credentials the sandbox does not exist at all
		response.setStatus(local ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_NOT_FOUND);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter()
			.write(local ? "{\"ok\":false,\"error\":\"The sandbox serves this machine only.\"}"
					: "{\"status\":404,\"error\":\"Not Found\"}");
	}

}
