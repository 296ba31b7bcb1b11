import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A round-robin HTTP balancer on loopback in front of several instances, for the cluster
 * bench. Like nginx's default {@code proxy_next_upstream error timeout}, a request whose
 * instance refuses the connection goes to the next one; a request an instance took and
 * then dropped is answered 502 (a POST is not sent twice by the balancer: Slack retries
 * it, and the bot acts on an event id once).
 */
final class LoopbackBalancer implements AutoCloseable {

	private static final List<String> FORWARDED = List.of("Content-Type", "Authorization", "X-Slack-Request-Timestamp",
			"X-Slack-Signature", "X-Slack-Retry-Num", "X-Slack-Retry-Reason");

	private final HttpServer server;

	private final List<URI> backends;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(1))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	private final AtomicInteger next = new AtomicInteger();

	/** Requests passed on to the next instance because one refused the connection. */
	final LongAdder retriedElsewhere = new LongAdder();

	/** Requests answered 502: every instance refused, or one dropped the request. */
	final LongAdder badGateway = new LongAdder();

	LoopbackBalancer(List<Integer> ports) throws IOException {
		this.backends = ports.stream().map(p -> URI.create("http://127.0.0.1:" + p)).toList();
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", this::forward);
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	private void forward(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readAllBytes();
			int first = Math.floorMod(next.getAndIncrement(), backends.size());
			for (int attempt = 0; attempt < backends.size(); attempt++) {
				URI backend = backends.get((first + attempt) % backends.size());
				HttpRequest.Builder request = HttpRequest
					.newBuilder(backend.resolve(exchange.getRequestURI().toString()))
					.timeout(Duration.ofSeconds(10))
					.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
				for (String header : FORWARDED) {
					String value = exchange.getRequestHeaders().getFirst(header);
					if (value != null) {
						request.header(header, value);
					}
				}
				try {
					HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
					response.headers()
						.firstValue("Content-Type")
						.ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
					reply(exchange, response.statusCode(), response.body());
					return;
				}
				catch (ConnectException ex) {
					retriedElsewhere.increment();
				}
				catch (IOException ex) {
					break;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
			badGateway.increment();
			reply(exchange, 502, "bad gateway".getBytes());
		}
	}

	private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
