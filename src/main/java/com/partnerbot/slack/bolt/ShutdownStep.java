package com.partnerbot.slack.bolt;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import org.springframework.context.SmartLifecycle;

/**
 * A part of the Slack adapter that stops at its place in the instance's shutdown, while
 * the database is still there: what takes deliveries first, then what routes them, then
 * the work they queued.
 */
abstract class ShutdownStep implements SmartLifecycle {

	private final int phase;

	private volatile boolean running;

	ShutdownStep(int phase) {
		this.phase = phase;
	}

	@Override
	public final int getPhase() {
		return phase;
	}

	@Override
	public final void start() {
		running = true;
	}

	@Override
	public final boolean isRunning() {
		return running;
	}

	/**
	 * Not stopped when the context is only paused (the test framework pauses the contexts
	 * it caches): what it hands over is for an instance that goes away, and a stopped
	 * step does not start again.
	 */
	@Override
	public final boolean isPauseable() {
		return false;
	}

	@Override
	public final void stop() {
		running = false;
		halt();
	}

	/** Stops taking work and hands over, or leaves, what is unfinished. */
	abstract void halt();

	/** Runs this holding the lock. */
	static void locked(Lock lock, Runnable action) {
		lock.lock();
		try {
			action.run();
		}
		finally {
			lock.unlock();
		}
	}

	/** Waits for these threads to end, at most so long in all. */
	static void join(Thread[] threads, Duration wait) {
		long deadline = System.nanoTime() + wait.toNanos();
		try {
			for (Thread thread : threads) {
				thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
