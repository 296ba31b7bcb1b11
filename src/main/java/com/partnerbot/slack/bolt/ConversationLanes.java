package com.partnerbot.slack.bolt;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few threads that run items one at a time per conversation, in the order they came,
 * and conversations side by side: an item that blocks holds up only its own conversation.
 * A conversation is never waiting on a busy thread while another thread is idle, since a
 * thread takes whichever conversation is next and not already running. The queue is
 * bounded over all conversations.
 *
 * @param <T> what is queued
 */
final class ConversationLanes<T> {

	private static final Logger log = LoggerFactory.getLogger(ConversationLanes.class);

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition ready = lock.newCondition();

	/** What waits, by conversation. */
	private final Map<String, ArrayDeque<T>> waiting = new HashMap<>();

	/** Conversations with something waiting and nothing running, in turn. */
	private final ArrayDeque<String> turns = new ArrayDeque<>();

	/** Conversations an item of which is running. */
	private final Set<String> running = new HashSet<>();

	private final int capacity;

	private final Consumer<T> runner;

	private final Thread[] threads;

	private int queued;

	private boolean stopping;

	ConversationLanes(String name, int threads, int capacity, Consumer<T> runner) {
		this.capacity = capacity;
		this.runner = runner;
		this.threads = new Thread[threads];
		for (int i = 0; i < threads; i++) {
			this.threads[i] = Thread.ofPlatform().name(name + "-" + i).daemon().start(this::work);
		}
	}

	/**
	 * Queues an item behind its conversation's; false when the queue is full or the lanes
	 * are stopping.
	 */
	boolean offer(String conversation, T item) {
		lock.lock();
		try {
			if (stopping || queued >= capacity) {
				return false;
			}
			ArrayDeque<T> queue = waiting.computeIfAbsent(conversation, (c) -> new ArrayDeque<>());
			queue.add(item);
			queued++;
			if (queue.size() == 1 && !running.contains(conversation)) {
				turns.add(conversation);
				ready.signal();
			}
			return true;
		}
		finally {
			lock.unlock();
		}
	}

	boolean closed() {
		return locked(() -> stopping);
	}

	int queued() {
		return locked(() -> queued);
	}

	private <T> T locked(java.util.function.Supplier<T> read) {
		lock.lock();
		try {
			return read.get();
		}
		finally {
			lock.unlock();
		}
	}

	private void work() {
		while (true) {
			String conversation;
			T item;
			lock.lock();
			try {
				while (turns.isEmpty() && !stopping) {
					ready.awaitUninterruptibly();
				}
				if (stopping) {
					return;
				}
				conversation = turns.poll();
				ArrayDeque<T> queue = waiting.get(conversation);
				item = queue.poll();
				if (queue.isEmpty()) {
					waiting.remove(conversation);
				}
				queued--;
				running.add(conversation);
			}
			finally {
				lock.unlock();
			}
			try {
				runner.accept(item);
			}
			catch (RuntimeException ex) {
				log.error("Slack delivery failed after its acknowledgement", ex);
			}
			finally {
				finished(conversation);
			}
		}
	}

	private void finished(String conversation) {
		lock.lock();
		try {
			running.remove(conversation);
			if (waiting.containsKey(conversation)) {
				turns.add(conversation);
				ready.signal();
			}
		}
		finally {
			lock.unlock();
		}
	}

	/** Takes no more items: the running ones finish, the queued ones stay queued. */
	void close() {
		ShutdownStep.locked(lock, () -> {
			stopping = true;
			ready.signalAll();
		});
	}

	/**
	 * After {@link #close()}: lets the running items finish, waiting at most so long, and
	 * returns what was still queued, each conversation's in its order.
	 */
	List<T> drain(Duration wait) {
		ShutdownStep.join(threads, wait);
		for (Thread thread : threads) {
			if (thread.isAlive()) {
				log.warn("{} is still running a Slack delivery at shutdown", thread.getName());
			}
		}
		lock.lock();
		try {
			List<T> left = new ArrayList<>(queued);
			waiting.values().forEach(left::addAll);
			waiting.clear();
			turns.clear();
			queued = 0;
			return left;
		}
		finally {
			lock.unlock();
		}
	}

}
