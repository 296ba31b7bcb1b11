package com.partnerbot.slack.bolt;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs what follows an acknowledgement, keeping the delivery's log context. The work
 * embeds questions with a native model, which would pin the carriers of virtual threads
 * and stall the acknowledgements running on them; so it runs on a few platform threads of
 * its own, one fewer than the cores by default so acknowledgements always have one.
 * <p>
 * The queue is bounded and shared fairly. Clicks, decisions and form submissions go
 * first: nobody's flood of questions delays a manager's decision or a survey answer.
 * Questions are taken in turn, one person after another, and each person and each
 * workspace may have only so many waiting; past that the work is refused and the caller
 * tells the person to wait a moment, instead of building an unbounded backlog.
 */
@Component
public class SlackWork implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SlackWork.class);

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition ready = lock.newCondition();

	private final ArrayDeque<Job> first = new ArrayDeque<>();

	/** Questions by person, in the order people take turns. */
	private final LinkedHashMap<String, ArrayDeque<Job>> turns = new LinkedHashMap<>();

	private final Map<String, Integer> perPerson = new HashMap<>();

	private final Map<String, Integer> perTeam = new HashMap<>();

	private final SlackProperties.Work limits;

	private final Thread[] workers;

	private int queued;

	private volatile boolean stopping;

	SlackWork(SlackProperties properties) {
		this.limits = properties.work();
		this.workers = new Thread[properties.effectiveWorkThreads()];
		for (int i = 0; i < workers.length; i++) {
			workers[i] = Thread.ofPlatform().name("slack-work-" + i).daemon().start(this::work);
		}
	}

	/**
	 * Work that answers someone's click, decision or form: it goes before any question.
	 * Refused only when the whole queue is full.
	 */
	public boolean submit(String what, Runnable task) {
		return offer(new Job(what, null, null, task, MDC.getCopyOfContextMap(), CurrentDelivery.work().orElse(null)));
	}

	/**
	 * A question or another request that may be repeated at will: it waits its person's
	 * turn, and is refused when that person, their workspace or the whole queue has too
	 * much waiting.
	 */
	public boolean submit(String what, String person, String team, Runnable task) {
		return offer(new Job(what, (person != null) ? person : "", (team != null) ? team : "", task,
				MDC.getCopyOfContextMap(), CurrentDelivery.work().orElse(null)));
	}

	private boolean offer(Job job) {
		lock.lock();
		try {
			if (stopping) {
				// the delivery stays unfinished: another instance runs it again
				log.warn("Slack work refused, this instance is stopping: {}", job.what());
				if (job.delivery() != null) {
					job.delivery().abandon();
				}
				return false;
			}
			if (queued >= limits.queue()) {
				log.warn("Slack work refused, the queue is full: {}", job.what());
				return false;
			}
			if (job.person() == null) {
				first.add(job);
			}
			else {
				if (perPerson.getOrDefault(job.person(), 0) >= limits.perPerson()
						|| perTeam.getOrDefault(job.team(), 0) >= limits.perWorkspace()) {
					log.info("Slack work refused, {} has too much waiting: {}", job.person(), job.what());
					return false;
				}
				perPerson.merge(job.person(), 1, Integer::sum);
				perTeam.merge(job.team(), 1, Integer::sum);
				turns.computeIfAbsent(job.person(), (person) -> new ArrayDeque<>()).add(job);
			}
			queued++;
			if (job.delivery() != null) {
				job.delivery().hold();
			}
			ready.signal();
			return true;
		}
		finally {
			lock.unlock();
		}
	}

	private Job take() throws InterruptedException {
		lock.lock();
		try {
			while (first.isEmpty() && turns.isEmpty()) {
				if (stopping) {
					return null;
				}
				ready.await();
			}
			queued--;
			if (!first.isEmpty()) {
				return first.poll();
			}
			Iterator<Map.Entry<String, ArrayDeque<Job>>> next = turns.entrySet().iterator();
			Map.Entry<String, ArrayDeque<Job>> turn = next.next();
			Job job = turn.getValue().poll();
			next.remove();
			if (!turn.getValue().isEmpty()) {
				// to the back of the line
				turns.put(turn.getKey(), turn.getValue());
			}
			return job;
		}
		finally {
			lock.unlock();
		}
	}

	private void done(Job job) {
		if (job.person() == null) {
			return;
		}
		lock.lock();
		try {
			perPerson.computeIfPresent(job.person(), (person, count) -> (count > 1) ? count - 1 : null);
			perTeam.computeIfPresent(job.team(), (team, count) -> (count > 1) ? count - 1 : null);
		}
		finally {
			lock.unlock();
		}
	}

	private void work() {
		while (true) {
			Job job;
			try {
				job = take();
			}
			catch (InterruptedException ex) {
				return;
			}
			if (job == null) {
				return;
			}
			if (job.context() != null) {
				MDC.setContextMap(job.context());
			}
			if (job.delivery() != null) {
				// what the task posts is recorded, and what it queues joins the delivery
				CurrentDelivery.track(job.delivery());
			}
			try {
				job.task().run();
			}
			catch (RuntimeException ex) {
				log.error("Slack work failed: {}", job.what(), ex);
			}
			finally {
				done(job);
				if (job.delivery() != null) {
					CurrentDelivery.clear();
					job.delivery().release();
				}
				MDC.clear();
			}
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		lock.lock();
		try {
			stopping = true;
			ready.signalAll();
		}
		finally {
			lock.unlock();
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		for (Thread worker : workers) {
			worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
		}
		if (queued > 0) {
			log.warn("Slack work still queued at shutdown was abandoned: {} tasks; their deliveries are left "
					+ "to another instance", queued);
			abandonQueued();
		}
	}

	private void abandonQueued() {
		lock.lock();
		try {
			first.forEach(Job::abandon);
			turns.values().forEach((jobs) -> jobs.forEach(Job::abandon));
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * @param delivery the acknowledged delivery this work is for, done when it finishes;
	 * or null
	 */
	private record Job(String what, String person, String team, Runnable task, Map<String, String> context,
			DeliveryWork delivery) {

		void abandon() {
			if (delivery != null) {
				delivery.abandon();
			}
		}

	}

}
