package com.partnerbot.assistant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.knowledge.ContentReindexed;

import lombok.RequiredArgsConstructor;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After each reindex, the questions the library could not answer are asked again, off the
 * reindexing thread: whoever waits for the reindex's report does not wait for them.
 */
@Component
@RequiredArgsConstructor
class NewContentAnswers {

	private static final Logger log = LoggerFactory.getLogger(NewContentAnswers.class);

	private final Answering answering;

	@EventListener
	void on(ContentReindexed reindexed) {
		// the hourly reindex of an unchanged library has nothing new to answer with, and
		// each
		// question asked again may cost a model call
		if (reindexed.report().reindexed() == 0 && reindexed.report().removed() == 0) {
			return;
		}
		Thread.ofVirtual().name("new-content-answers").start(() -> {
			try {
				answering.answerAgainFromNewContent();
			}
			catch (RuntimeException ex) {
				log.warn("Asking the unanswered questions again failed", ex);
			}
		});
	}

}
