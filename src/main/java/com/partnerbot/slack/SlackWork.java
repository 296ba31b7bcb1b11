package com.partnerbot.slack;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs what follows an acknowledgement, keeping the delivery's log context. The work
 * embeds questions with a native model, which would pin the carriers of virtual threads
 * and stall the acknowledgements running on them; so it runs on a few platform threads of
 * its own, queued, one fewer than the cores by default so acknowledgements always have
 * one.
 */
@Component
class SlackWork implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SlackWork.class);

	private final ExecutorService executor;

	SlackWork(SlackProperties properties) {
		this.executor = Executors.newFixedThreadPool(properties.effectiveWorkThreads(),
				Thread.ofPlatform().name("slack-work-", 0).daemon().factory());
	}

	void submit(String what, Runnable task) {
		Map<String, String> context = MDC.getCopyOfContextMap();
		executor.submit(() -> {
			if (context != null) {
				MDC.setContextMap(context);
			}
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				log.error("Slack work failed: {}", what, ex);
			}
			finally {
				MDC.clear();
			}
		});
	}

	@Override
	public void destroy() throws InterruptedException {
		executor.shutdown();
		if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
			log.warn("Slack work still running at shutdown was abandoned");
			executor.shutdownNow();
		}
	}

}
