import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * What the bench drivers share: their command line, and the running app's HTTP API
 * (health, the admin API behind its token). Compiled with each driver against the test
 * classpath by {@code bench/harness.sh}.
 */
final class BenchApp {

	/** A failure that ends the run with a message, not a stack trace. */
	static final class BenchException extends Exception {

		private static final long serialVersionUID = 1L;

		BenchException(String message) {
			super(message);
		}

	}

	/** Sets one option; false when there is no such option. */
	interface Option {

		boolean set(String name, String value);

	}

	/**
	 * Reads {@code --name value} pairs into the options; {@code -h}, an unknown option, a
	 * missing value or a number that is not one prints the usage and exits.
	 */
	static void parse(String[] args, String usage, Option options) {
		for (int i = 0; i < args.length; i++) {
			String name = args[i];
			if (name.equals("-h") || name.equals("--help")) {
				usage(usage, null);
			}
			if (i + 1 >= args.length) {
				usage(usage, "missing value for " + name);
			}
			String value = args[++i];
			try {
				if (!options.set(name, value)) {
					usage(usage, "unknown option " + name);
				}
			}
			catch (NumberFormatException ex) {
				usage(usage, name + " needs a number, not '" + value + "'");
			}
		}
	}

	static void usage(String usage, String problem) {
		if (problem != null) {
			System.err.println("error: " + problem);
		}
		System.err.println(usage);
		System.exit(problem == null ? 0 : 2);
	}

	final HttpClient client;

	final String url;

	private final String adminToken;

	BenchApp(HttpClient client, String url, String adminToken) {
		this.client = client;
		this.url = url.replaceAll("/+$", "");
		this.adminToken = adminToken;
	}

	/** Waits until {@code /actuator/health} says UP; the seconds waited. */
	double waitForHealth(int seconds) throws InterruptedException, BenchException {
		URI uri = URI.create(url + "/actuator/health");
		long started = System.nanoTime();
		long deadline = started + TimeUnit.SECONDS.toNanos(seconds);
		String last = "no answer";
		while (System.nanoTime() < deadline) {
			try {
				HttpResponse<String> response = client.send(
						HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"")) {
					return (System.nanoTime() - started) / 1e9;
				}
				last = response.statusCode() + " " + response.body();
			}
			catch (IOException ex) {
				last = ex.toString();
			}
			Thread.sleep(250);
		}
		throw new BenchException("the app at " + url + " is not healthy after " + seconds + " s: " + last);
	}

	/** A call to the admin API; a null body sends none. */
	HttpResponse<String> send(String method, String path, String json, Duration timeout)
			throws InterruptedException, BenchException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
			.timeout(timeout)
			.header("Authorization", "Bearer " + adminToken)
			.header("Accept", "application/json");
		if (json != null) {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new BenchException(method + " " + url + path + ": " + describe(ex));
		}
	}

	/** A call to the admin API that must answer this status, and its JSON. */
	JsonElement api(String method, String path, String json, int expected, Duration timeout)
			throws InterruptedException, BenchException {
		HttpResponse<String> response = send(method, path, json, timeout);
		if (response.statusCode() != expected) {
			throw new BenchException(method + " " + path + " answered HTTP " + response.statusCode() + ": "
					+ abbreviate(response.body()));
		}
		return parse(response.body());
	}

	static JsonElement parse(String body) throws BenchException {
		try {
			return JsonParser.parseString(body);
		}
		catch (JsonParseException ex) {
			throw new BenchException("not JSON (" + ex.getMessage() + "): " + abbreviate(body));
		}
	}

	static String describe(IOException ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message == null || message.isBlank()) ? "" : ": " + message);
	}

	static String abbreviate(String text) {
		return (text == null) ? "" : (text.length() > 300 ? text.substring(0, 300) + "..." : text);
	}

}
