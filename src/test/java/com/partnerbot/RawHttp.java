package com.partnerbot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * HTTP/1.1 requests sent byte for byte as written: no client normalises the path, so the
 * spellings an attacker would try reach the server unchanged.
 */
public final class RawHttp {

	private RawHttp() {
	}

	public record Response(int status, String body) {
	}

	public static Response send(int port, String method, String target, Map<String, String> headers, String body) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
			if (headers.keySet().stream().noneMatch("Host"::equalsIgnoreCase)) {
				request.append("Host: 127.0.0.1:").append(port).append("\r\n");
			}
			headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
			byte[] payload = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
			if (body != null) {
				request.append("Content-Type: application/json\r\n");
			}
			request.append("Content-Length: ").append(payload.length).append("\r\n");
			request.append("Connection: close\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(payload);
			out.flush();
			String response = read(socket.getInputStream());
			int status = Integer.parseInt(response.substring(9, 12));
			int split = response.indexOf("\r\n\r\n");
			return new Response(status, (split >= 0) ? response.substring(split + 4) : "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		in.transferTo(all);
		return all.toString(StandardCharsets.UTF_8);
	}

}
