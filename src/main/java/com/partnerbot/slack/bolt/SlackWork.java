package com.partnerbot.slack.bolt;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;

import com.partnerbot.platform.CpuSlots;

/**
 * Runs what follows an acknowledgement, keeping the delivery's log context. Each task
 * runs on a virtual thread of its own, so that an answer waiting on the LLM or on Slack
 * holds no thread; what it computes (embedding the question with a native model,
 * searching, composing) is bounded by {@link CpuSlots}: so many tasks compute at a time,
 * one fewer than the cores by default so acknowledgements always have one. A task gives
 * its slot up while it waits on the LLM or the Slack Web API. (A native call pins the
 * carrier of its virtual thread: the slots also bound how many carriers that holds.)
 * <p>
 * The queue is bounded and shared fairly. Clicks, decisions and form submissions go
 * first: nobody's flood of questions delays a manager's decision or a survey answer.
 * Questions are taken in turn, one person after another, and each person and each
 * workspace may have only so many waiting; past that the work is refused and the caller
 * tells the person to wait a moment, instead of building an unbounded backlog. A task
 * waits in the queue until a slot is free, so that order holds; and one person's tasks,
 * and one channel's, run one at a time in the order they were taken, so a channel's
 * replies come in order while other channels' run beside them.
 * <p>
 * When the instance stops, after the deliveries waiting to be routed were stored, the
 * running work may finish for a while; what is still queued then is left, each delivery's
 * lease ended at once, to another instance's recovery.
 */
@Component
public class SlackWork extends ShutdownStep {

	private static final Logger log = LoggerFactory.getLogger(SlackWork.class);

	/** How long a stop lets the queued and running work finish. */
	private static final Duration FINISHING_AT_STOP = Duration.ofSeconds(10);

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition ready = lock.newCondition();

	private final ArrayDeque<Job> first = new ArrayDeque<>();

	/** Questions by person, in the order people take turns. */
	private final LinkedHashMap<String, ArrayDeque<Job>> turns = new LinkedHashMap<>();

	private final Map<String, Integer> perPerson = new HashMap<>();

	private final Map<String, Integer> perTeam = new HashMap<>();

	/** Channels (or people, outside channels) a task of which is running. */
	private final Set<String> busyLanes = new HashSet<>();

	/** People a question of whom is running. */
	private final Set<String> busyPeople = new HashSet<>();

	/** The threads running tasks. */
	private final Set<Thread> running = ConcurrentHashMap.newKeySet();

	private final SlackProperties.Work limits;

	private final CpuSlots slots;

	private final Thread dispatcher;

	private int queued;

	private volatile boolean stopping;

	/** Stopped: nothing more is started. */
	private boolean halted;

	SlackWork(SlackProperties properties) {
		super(DeliveryGate.PHASE - 1024);
		this.limits = properties.work();
		this.slots = new CpuSlots(properties.effectiveWorkThreads());
		this.dispatcher = Thread.ofPlatform().name("slack-work").daemon().start(this::dispatch);
	}

	/**
	 * Work that answers someone's click, decision or form: it goes before any question.
	 * Refused only when the whole queue is full.
	 */
	public boolean submit(String what, Runnable task) {
		return offer(new Job(what, null, null, lane(), task, MDC.getCopyOfContextMap(),
				CurrentDelivery.work().orElse(null)));
	}

	/**
	 * A question or another request that may be repeated at will: it waits its person's
	 * turn, and is refused when that person, their workspace or the whole queue has too
	 * much waiting.
	 */
	public boolean submit(String what, String person, String team, Runnable task) {
		return offer(new Job(what, (person != null) ? person : "", (team != null) ? team : "", lane(), task,
				MDC.getCopyOfContextMap(), CurrentDelivery.work().orElse(null)));
	}

	/**
	 * The channel of the delivery being handled, else its person: its tasks run one at a
	 * time. Null outside a delivery.
	 */
	private static String lane() {
		return CurrentDelivery.get()
			.flatMap((delivery) -> delivery.first("event.channel", "event.item.channel", "channel.id",
					"container.channel_id", "channel_id", "event.user", "user.id", "user_id"))
			.orElse(null);
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

	/**
	 * The next task whose channel and person have nothing running, marked running; null
	 * once stopping has emptied the queue.
	 */
	private Job take() throws InterruptedException {
		lock.lock();
		try {
			while (true) {
				if (halted || (stopping && queued == 0)) {
					return null;
				}
				Job job = next();
				if (job != null) {
					queued--;
					if (job.lane() != null) {
						busyLanes.add(job.lane());
					}
					if (job.person() != null) {
						busyPeople.add(job.person());
					}
					return job;
				}
				ready.await();
			}
		}
		finally {
			lock.unlock();
		}
	}

	private Job next() {
		for (Iterator<Job> jobs = first.iterator(); jobs.hasNext();) {
			Job job = jobs.next();
			if (job.lane() == null || !busyLanes.contains(job.lane())) {
				jobs.remove();
				return job;
			}
		}
		for (Iterator<Map.Entry<String, ArrayDeque<Job>>> next = turns.entrySet().iterator(); next.hasNext();) {
			Map.Entry<String, ArrayDeque<Job>> turn = next.next();
			Job job = turn.getValue().peek();
			if (busyPeople.contains(turn.getKey()) || (job.lane() != null && busyLanes.contains(job.lane()))) {
				continue;
			}
			turn.getValue().poll();
			next.remove();
			if (!turn.getValue().isEmpty()) {
				// to the back of the line
				turns.put(turn.getKey(), turn.getValue());
			}
			return job;
		}
		return null;
	}

	private void done(Job job) {
		lock.lock();
		try {
			if (job.lane() != null) {
				busyLanes.remove(job.lane());
			}
			if (job.person() != null) {
				busyPeople.remove(job.person());
				perPerson.computeIfPresent(job.person(), (person, count) -> (count > 1) ? count - 1 : null);
				perTeam.computeIfPresent(job.team(), (team, count) -> (count > 1) ? count - 1 : null);
			}
			ready.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	/** Starts each task, in turn, on a virtual thread once a slot is free. */
	private void dispatch() {
		while (true) {
			Job job;
			try {
				job = take();
				if (job == null) {
					return;
				}
			}
			catch (InterruptedException ex) {
				return;
			}
			try {
				slots.acquire();
			}
			catch (InterruptedException ex) {
				// stopped while it waited for a slot: left to another instance
				done(job);
				job.abandon();
				return;
			}
			Thread.ofVirtual().name("slack-work-" + job.what()).start(() -> run(job));
		}
	}

	private void run(Job job) {
		running.add(Thread.currentThread());
		if (job.context() != null) {
			MDC.setContextMap(job.context());
		}
		if (job.delivery() != null) {
			// what the task posts is recorded, and what it queues joins the delivery
			CurrentDelivery.track(job.delivery());
		}
		try {
			slots.run(job.task());
		}
		catch (RuntimeException ex) {
			log.error("Slack work failed: {}", job.what(), ex);
		}
		finally {
			slots.release();
			done(job);
			if (job.delivery() != null) {
				CurrentDelivery.clear();
				job.delivery().release();
			}
			MDC.clear();
			running.remove(Thread.currentThread());
		}
	}

	@Override
	void halt() {
		ShutdownStep.locked(lock, () -> {
			stopping = true;
			ready.signalAll();
		});
		// the queued work goes on for a while, then the running work may finish
		long deadline = System.nanoTime() + FINISHING_AT_STOP.toNanos();
		ShutdownStep.join(new Thread[] { dispatcher }, FINISHING_AT_STOP);
		ShutdownStep.join(running.toArray(Thread[]::new),
				Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
		ShutdownStep.locked(lock, () -> {
			halted = true;
			ready.signalAll();
		});
		dispatcher.interrupt();
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
	 * @param lane the channel (or person) whose tasks run one at a time; or null
	 * @param delivery the acknowledged delivery this work is for, done when it finishes;
	 * or null
	 */
	private record Job(String what, String person, String team, String lane, Runnable task, Map<String, String> context,
			DeliveryWork delivery) {

		void abandon() {
			if (delivery != null) {
				delivery.abandon();
			}
		}

	}

}
