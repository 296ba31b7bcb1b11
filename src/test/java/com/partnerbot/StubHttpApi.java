package com.partnerbot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A third-party HTTP API played in tests (a CRM, say) on a free loopback port, each
 * request on a virtual thread. It listens from construction; nothing calls it before
 * {@link #url()} is known.
 */
public abstract class StubHttpApi implements AutoCloseable {

	private final HttpServer server;

	protected StubHttpApi() {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", this::handle);
		server.start();
	}

	/** Answers one request. */
	protected abstract void handle(HttpExchange exchange) throws IOException;

	/** The base URL, without a trailing slash. */
	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
