package com.partnerbot.platform;

import java.util.concurrent.Semaphore;

/**
 * Bounds CPU-bound work to so many tasks at a time, whatever threads run it. A task holds
 * a slot while it computes and gives it up while it waits on another service (an LLM, the
 * Slack Web API), so that many such waits overlap on virtual threads while the computing
 * stays within the cores. Slots are handed out in the order they were asked for.
 */
public final class CpuSlots {

	/** The slots the current thread holds one of. */
	private static final ThreadLocal<CpuSlots> held = new ThreadLocal<>();

	private final Semaphore slots;

	public CpuSlots(int slots) {
		this.slots = new Semaphore(Math.max(1, slots), true);
	}

	/** Waits for a slot; the current thread holds it until {@link #release()}. */
	public void acquire() throws InterruptedException {
		slots.acquire();
	}

	/** Gives back a slot taken with {@link #acquire()}. */
	public void release() {
		slots.release();
	}

	/**
	 * Runs the task on the current thread, which holds a slot taken with
	 * {@link #acquire()}: what it waits for inside {@link #waiting} gives the slot up
	 * meanwhile. The slot is still held when this returns.
	 */
	public void run(Runnable task) {
		held.set(this);
		try {
			task.run();
		}
		finally {
			held.remove();
		}
	}

	/**
	 * A call that waits on another service: when the current thread holds a slot, it is
	 * given up during the call and taken back (in turn) after it.
	 */
	public static <T, E extends Exception> T waiting(Call<T, E> call) throws E {
		CpuSlots own = held.get();
		if (own == null) {
			return call.call();
		}
		held.remove();
		own.slots.release();
		try {
			return call.call();
		}
		finally {
			own.slots.acquireUninterruptibly();
			held.set(own);
		}
	}

	/** A call that may throw. */
	@FunctionalInterface
	public interface Call<T, E extends Exception> {

		T call() throws E;

	}

}
