import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.threads.VirtualThreadExecutor;

/**
 * The floor of the acknowledgement bench: a bare Bolt app, nothing of Partnerbot's, that
 * acknowledges {@code app_mention} and {@code message} events and does nothing else. It
 * checks the signature (Bolt's own request verification), parses and routes the delivery
 * as Bolt does, and runs in the same servlet container the product runs in (embedded
 * Tomcat, a virtual thread per request, as Spring Boot configures it with
 * {@code spring.threads.virtual.enabled}), so the difference to the product is what the
 * product adds on the way to the acknowledgement.
 *
 * <pre>
 * java -cp ... BareBolt --port 18080 --secret S --api-url http://127.0.0.1:18081/api/
 * </pre>
 *
 * Also answers {@code GET /actuator/health} with UP, for the harness's wait.
 */
public class BareBolt {

	public static void main(String[] args) throws Exception {
		int[] port = { 0 };
		String[] secret = { null };
		String[] apiUrl = { null };
		BenchApp.parse(args, USAGE, (name, value) -> {
			switch (name) {
				case "--port" -> port[0] = Integer.parseInt(value);
				case "--secret" -> secret[0] = value;
				case "--api-url" -> apiUrl[0] = value;
				default -> {
					return false;
				}
			}
			return true;
		});
		if (port[0] <= 0 || secret[0] == null || apiUrl[0] == null) {
			BenchApp.usage(USAGE, "--port, --secret and --api-url are required");
		}
		SlackConfig slackConfig = new SlackConfig();
		slackConfig.setMethodsEndpointUrlPrefix(apiUrl[0]);
		App app = new App(AppConfig.builder()
			.slack(Slack.getInstance(slackConfig))
			.signingSecret(secret[0])
			.singleTeamBotToken("xoxb-bench")
			.subtypedMessageEventsAutoAckEnabled(true)
			.allEventsApiAutoAckEnabled(true)
			.build());
		app.event(AppMentionEvent.class, (payload, ctx) -> ctx.ack());
		app.event(MessageEvent.class, (payload, ctx) -> ctx.ack());

		Tomcat tomcat = new Tomcat();
		tomcat.setBaseDir(Files.createTempDirectory("bare-bolt").toString());
		Connector connector = new Connector();
		connector.setPort(port[0]);
		connector.getProtocolHandler().setExecutor(new VirtualThreadExecutor("bare-bolt-"));
		tomcat.setConnector(connector);
		Context context = tomcat.addContext("", null);
		Tomcat.addServlet(context, "slack", new Events(app));
		context.addServletMappingDecoded("/slack/events", "slack");
		Tomcat.addServlet(context, "health", new Health());
		context.addServletMappingDecoded("/actuator/health", "health");
		tomcat.start();
		System.out.println("bare Bolt app on http://127.0.0.1:" + port[0] + "/slack/events");
		tomcat.getServer().await();
	}

	static final String USAGE = "usage: BareBolt --port PORT --secret SIGNING_SECRET --api-url WEB_API_URL";

	/** What bolt-servlet's SlackAppServlet does: the request to Bolt, Bolt's answer back. */
	static final class Events extends HttpServlet {

		private static final long serialVersionUID = 1L;

		private final transient App app;

		private final transient SlackRequestParser parser;

		Events(App app) {
			this.app = app;
			this.parser = new SlackRequestParser(app.config());
		}

		@Override
		protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
			String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (String name : Collections.list(request.getHeaderNames())) {
				headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
			}
			Request<?> slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
				.requestUri(request.getRequestURI())
				.queryString(Map.of())
				.headers(new RequestHeaders(headers))
				.requestBody(body)
				.remoteAddress(request.getRemoteAddr())
				.build());
			Response answer;
			try {
				answer = app.run(slackRequest);
			}
			catch (Exception ex) {
				throw new IOException(ex);
			}
			response.setStatus(answer.getStatusCode());
			response.setContentType(answer.getContentType());
			if (answer.getBody() != null) {
				response.getOutputStream().write(answer.getBody().getBytes(StandardCharsets.UTF_8));
			}
		}

	}

	static final class Health extends HttpServlet {

		private static final long serialVersionUID = 1L;

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.setContentType("application/json");
			response.getOutputStream().write("{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8));
		}

	}

}
