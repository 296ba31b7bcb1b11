package com.partnerbot.slack.answers;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.slack.api.bolt.App;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.assistant.SuggestedPrompt;
import com.slack.api.model.event.AssistantThreadStartedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.slack.bolt.Messages;
import com.partnerbot.slack.bolt.SlackApi;
import com.partnerbot.slack.bolt.SlackFeature;
import com.partnerbot.slack.bolt.SlackReplies;
import com.partnerbot.slack.bolt.SlackWork;

import lombok.RequiredArgsConstructor;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Slack's conventions for AI apps: suggested prompts when a person opens the bot's
 * assistant thread, a "thinking" status in that thread while an answer is worked out
 * ({@code assistant.threads.setStatus}; posting the answer clears it), and elsewhere a
 * placeholder, posted only when the answer takes a while (an LLM), that the answer then
 * replaces in place. A delivery run again after its instance died neither shows a second
 * placeholder nor answers twice: it replaces the placeholder the earlier run showed, or
 * does nothing when that run answered.
 */
@Component
@RequiredArgsConstructor
class AssistantThreads implements SlackFeature, DisposableBean {

	static final String STATUS = "is thinking…";

	static final String PLACEHOLDER = ":hourglass_flowing_sand: Thinking…";

	/** Answers without an LLM take a fraction of this: they never show a placeholder. */
	static final Duration PLACEHOLDER_AFTER = Duration.ofSeconds(2);

	static final List<String> PROMPTS = List.of("What discount does our tier get?",
			"How long is a registered deal protected?", "How much MDF can we get, and for what?",
			"Which certifications do we need for the next tier?");

	private static final Logger log = LoggerFactory.getLogger(AssistantThreads.class);

	private static final int WAITING = 0;

	private static final int PLACEHOLDER_SHOWN = 1;

	private static final int DONE = 2;

	private final SlackApi api;

	private final SlackReplies replies;

	private final SlackWork work;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "thinking-placeholder");
		thread.setDaemon(true);
		return thread;
	});

	@Override
	public void register(App app) {
		app.event(AssistantThreadStartedEvent.class, (payload, ctx) -> {
			var thread = payload.getEvent().getAssistantThread();
			if (thread != null && thread.getChannelId() != null && thread.getThreadTs() != null) {
				work.submit("suggested prompts", () -> suggest(thread.getChannelId(), thread.getThreadTs()));
			}
			return ctx.ack();
		});
	}

	private void suggest(String channel, String threadTs) {
		try {
			var response = api.client()
				.assistantThreadsSetSuggestedPrompts(r -> r.channelId(channel)
					.threadTs(threadTs)
					.title("Ask me about the partner program")
					.prompts(PROMPTS.stream().map(p -> new SuggestedPrompt(p, p)).toList()));
			if (!response.isOk()) {
				log.info("assistant.threads.setSuggestedPrompts in {} failed: {}", channel, response.getError());
			}
		}
		catch (IOException | SlackApiException ex) {
			log.info("assistant.threads.setSuggestedPrompts in {} failed: {}", channel, ex.toString());
		}
	}

	/**
	 * Posts what {@code answer} returns in the thread, with the sign of work Slack's AI
	 * apps show while it runs.
	 * @param assistantThread whether the thread is the bot's assistant thread (a thread
	 * in its direct messages), where Slack shows a status
	 */
	void reply(String channel, String threadTs, boolean assistantThread, Supplier<Messages.Reply> answer) {
		if (assistantThread && threadTs != null) {
			status(channel, threadTs);
			replies.post(channel, threadTs, answer.get());
			return;
		}
		SlackReplies.Slot placeholderSlot = replies.nextPlaceholder();
		SlackReplies.Slot answerSlot = replies.nextMessage();
		if (replies.sentBefore(answerSlot)) {
			// a run of this delivery on an instance that died answered already
			return;
		}
		// a run that died may have shown the placeholder: the answer replaces that one
		Optional<String> shown = replies.sentBeforeAt(placeholderSlot);
		AtomicInteger state = new AtomicInteger(shown.isPresent() ? PLACEHOLDER_SHOWN : WAITING);
		CompletableFuture<Optional<String>> placeholder = shown.isPresent() ? CompletableFuture.completedFuture(shown)
				: new CompletableFuture<>();
		ScheduledFuture<?> later = timer.schedule(() -> {
			if (state.compareAndSet(WAITING, PLACEHOLDER_SHOWN)) {
				placeholder
					.complete(replies.post(placeholderSlot, channel, threadTs, Messages.Reply.plain(PLACEHOLDER)));
			}
		}, PLACEHOLDER_AFTER.toMillis(), TimeUnit.MILLISECONDS);
		Messages.Reply reply;
		try {
			reply = answer.get();
		}
		catch (RuntimeException ex) {
			if (!state.compareAndSet(WAITING, DONE)) {
				placeholder.join()
					.ifPresent(ts -> replies.update(answerSlot, channel, ts,
							Messages.Reply.plain("Sorry, I couldn't finish that answer. Please ask again.")));
			}
			throw ex;
		}
		if (state.compareAndSet(WAITING, DONE)) {
			later.cancel(false);
			replies.post(answerSlot, channel, threadTs, reply);
			return;
		}
		Optional<String> ts = placeholder.join();
		if (ts.isPresent()) {
			replies.update(answerSlot, channel, ts.get(), reply);
		}
		else {
			replies.post(answerSlot, channel, threadTs, reply);
		}
	}

	private void status(String channel, String threadTs) {
		try {
			var response = api.client()
				.assistantThreadsSetStatus(r -> r.channelId(channel).threadTs(threadTs).status(STATUS));
			if (!response.isOk()) {
				// not an assistant thread after all (a thread in an old direct message)
				log.debug("assistant.threads.setStatus in {} failed: {}", channel, response.getError());
			}
		}
		catch (IOException | SlackApiException ex) {
			log.info("assistant.threads.setStatus in {} failed: {}", channel, ex.toString());
		}
	}

	@Override
	public void destroy() {
		timer.shutdownNow();
	}

}
