package com.partnerbot.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The knowledge base over a real Lucene index and the real embedding model.
 */
class KnowledgeBaseTests {

	@TempDir
	Path content;

	@TempDir
	Path data;

	private KnowledgeBase knowledge;

	@BeforeEach
	void library() throws IOException {
		write("deals/rules.md", """
				---
				title: Deal registration rules
				---
				# Deal registration rules
				## Protection period
				An approved deal registration is protected for 90 days from approval. One 30-day extension is possible.
				## Conflicts
				When two partners register the same customer, the first registration wins.
				""");
		write("gold/pricing.md", """
				---
				title: Gold pricing sheet
				audience: [Gold, Platinum]
				---
				# Gold pricing sheet
				## Analytics Suite
				Gold partners buy Analytics Suite Enterprise at $52 per user per month, list price $75.
				""");
		write("marketing/mdf.md", """
				# MDF policy
				## Webinars
				Market development funds can pay for a webinar when our products are at least half of the content.
				""");
		knowledge = new KnowledgeBase(new ContentProperties(content, data), KnowledgeProperties.defaults());
	}

	@AfterEach
	void close() throws IOException {
		knowledge.destroy();
	}

	private void write(String path, String text) throws IOException {
		Path file = content.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

	@Test
	void findsThePassageAndNamesItsFile() {
		knowledge.reindex(ReindexProgress.NONE);
		List<Passage> passages = knowledge.search("what's the protection period on a registered deal?",
				Audience.tier("Silver"), 3);
		assertThat(passages).isNotEmpty();
		assertThat(passages.get(0).source()).isEqualTo("deals/rules.md");
		assertThat(passages.get(0).text()).contains("90 days");
		assertThat(passages.get(0).headings()).contains("Protection period");
		assertThat(knowledge.isGrounding(passages.get(0))).isTrue();
	}

	@Test
	void aDocumentWhoseAudienceIsEmptyIsForStaffOnly() throws IOException {
		write("internal/margins.md", """
				---
				title: Internal margin targets
				audience: []
				---
				# Internal margin targets
				Our target gross margin on Secure Gateway deals is 71 percent.
				""");
		write("internal/blank.md", """
				---
				title: Internal blank audience
				audience:
				---
				# Internal blank audience
				The Secure Gateway escalation roster is kept by the vendor's support leads.
				""");
		knowledge.reindex(ReindexProgress.NONE);
		for (String question : List.of("target gross margin on Secure Gateway deals",
				"Secure Gateway escalation roster support leads")) {
			for (String tier : List.of("Registered", "Silver", "Gold", "Platinum")) {
				assertThat(knowledge.search(question, Audience.tier(tier), 10)).extracting(Passage::source)
					.as(tier)
					.noneMatch(source -> source.startsWith("internal/"));
			}
			assertThat(knowledge.search(question, Audience.everyone(), 10)).extracting(Passage::source)
				.noneMatch(source -> source.startsWith("internal/"));
			assertThat(knowledge.search(question, Audience.staff(), 10).get(0).source()).startsWith("internal/");
		}
	}

	@Test
	void restrictedContentIsFoundOnlyForItsTiers() {
		knowledge.reindex(ReindexProgress.NONE);
		String question = "Gold pricing sheet Analytics Suite price per user";
		assertThat(knowledge.search(question, Audience.tier("Silver"), 10)).extracting(Passage::source)
			.isNotEmpty()
			.doesNotContain("gold/pricing.md");
		assertThat(knowledge.search(question, Audience.tier("Registered"), 10)).extracting(Passage::source)
			.doesNotContain("gold/pricing.md");
		assertThat(knowledge.search(question, Audience.tier("Gold"), 10).get(0).source()).isEqualTo("gold/pricing.md");
		assertThat(knowledge.search(question, Audience.tier("platinum"), 10).get(0).source())
			.isEqualTo("gold/pricing.md");
		assertThat(knowledge.search(question, Audience.staff(), 10).get(0).source()).isEqualTo("gold/pricing.md");
	}

	@Test
	void anUnrelatedQuestionIsNotGrounded() {
		knowledge.reindex(ReindexProgress.NONE);
		List<Passage> passages = knowledge.search("What is the capital of Mongolia?", Audience.tier("Gold"), 3);
		assertThat(passages).noneMatch(knowledge::isGrounding);
	}

	@Test
	void reindexIsIncrementalAndRemovesDeletedFiles() throws IOException {
		ReindexReport first = knowledge.reindex(ReindexProgress.NONE);
		assertThat(first.files()).isEqualTo(3);
		assertThat(first.reindexed()).isEqualTo(3);
		assertThat(first.embedded()).isEqualTo(first.chunks());

		ReindexReport again = knowledge.reindex(ReindexProgress.NONE);
		assertThat(again.unchanged()).isEqualTo(3);
		assertThat(again.embedded()).isZero();
		assertThat(again.chunks()).isEqualTo(first.chunks());

		write("marketing/mdf.md", """
				# MDF policy
				## Webinars
				Market development funds can pay for a webinar when our products are at least half of the content.
				## Events
				Trade show booths are eligible for MDF at 50 percent of the cost.
				""");
		Files.delete(content.resolve("deals/rules.md"));
		ReindexReport changed = knowledge.reindex(ReindexProgress.NONE);
		assertThat(changed.reindexed()).isEqualTo(1);
		assertThat(changed.unchanged()).isEqualTo(1);
		assertThat(changed.removed()).isEqualTo(1);
		// the webinar section kept its text, so only the new section was embedded
		assertThat(changed.embedded()).isEqualTo(1);
		assertThat(knowledge.search("trade show booth", Audience.tier("Silver"), 3).get(0).text())
			.contains("Trade show");
		assertThat(knowledge.search("protection period of a registered deal", Audience.staff(), 10))
			.extracting(Passage::source)
			.doesNotContain("deals/rules.md");
	}

	@Test
	void anUnreadableFileIsReportedAndTheRestIndexed() throws IOException {
		knowledge.reindex(ReindexProgress.NONE);
		Files.write(content.resolve("deals/rules.md"),
				new byte[] { '-', '-', '-', '\n', ':', '[', '\n', '-', '-', '-' });
		Files.write(content.resolve("broken.txt"), new byte[] { (byte) 0xC3, (byte) 0x28, 'x' });
		ReindexReport report = knowledge.reindex(ReindexProgress.NONE);
		assertThat(report.failures()).extracting(ReindexReport.Failure::source)
			.containsExactlyInAnyOrder("deals/rules.md", "broken.txt");
		assertThat(report.failures()).filteredOn(f -> f.source().equals("deals/rules.md"))
			.allMatch(ReindexReport.Failure::previousVersionKept);
		assertThat(report.unchanged()).isEqualTo(2);
		// the previous version of the broken file still answers
		assertThat(knowledge.search("protection period", Audience.tier("Silver"), 3).get(0).source())
			.isEqualTo("deals/rules.md");
	}

	@Test
	void aFailedReindexLeavesTheIndexInPlace() throws IOException {
		knowledge.reindex(ReindexProgress.NONE);
		int size = knowledge.size();
		Path moved = content.resolveSibling(content.getFileName() + "-away");
		Files.move(content, moved);
		try {
			assertThatThrownBy(() -> knowledge.reindex(ReindexProgress.NONE)).hasMessageContaining("does not exist");
			assertThat(knowledge.size()).isEqualTo(size);
			assertThat(knowledge.search("protection period", Audience.tier("Silver"), 3)).isNotEmpty();
		}
		finally {
			Files.move(moved, content);
		}
	}

	@Test
	void questionsDuringAReindexAreAnsweredFromTheOldIndex() throws Exception {
		knowledge.reindex(ReindexProgress.NONE);
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger answered = new AtomicInteger();
		ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
		ExecutorService askers = Executors.newFixedThreadPool(3);
		for (int i = 0; i < 3; i++) {
			askers.submit(() -> {
				while (running.get()) {
					try {
						List<Passage> passages = knowledge.search("protection period", Audience.tier("Silver"), 3);
						if (passages.isEmpty() || !passages.get(0).source().equals("deals/rules.md")) {
							failures.add(new AssertionError("no answer mid-reindex: " + passages));
						}
						answered.incrementAndGet();
					}
					catch (Throwable ex) {
						failures.add(ex);
					}
				}
			});
		}
		for (int round = 0; round < 4; round++) {
			// a changed file each round, so every round builds and swaps in a new
			// generation
			write("marketing/mdf.md",
					"# MDF policy\n## Round " + round + "\nFunds for round " + round + " activities.\n");
			knowledge.reindex(ReindexProgress.NONE);
		}
		running.set(false);
		askers.shutdown();
		assertThat(askers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		assertThat(failures).isEmpty();
		assertThat(answered.get()).isPositive();
		assertThat(Files.list(data.resolve("index")).filter(p -> p.getFileName().toString().startsWith("gen-")))
			.hasSize(1);
	}

	@Test
	void aReindexAskedForDuringAnotherWaitsForItThenRunsAndLaterOnesJoinIt() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		var first = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> knowledge.reindex((done, total, current) -> {
				started.countDown();
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}), Executors.newVirtualThreadPerTaskExecutor());
		assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
		// a file added while the first runs: the reindex asked for now must see it
		write("program/new.md", "# New page\nSomething the first reindex did not see.\n");
		ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
		var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> knowledge.reindex(ReindexProgress.NONE),
				callers);
		var third = java.util.concurrent.CompletableFuture.supplyAsync(() -> knowledge.reindex(ReindexProgress.NONE),
				callers);
		Thread.sleep(300);
		assertThat(second).isNotDone();
		assertThat(third).isNotDone();
		release.countDown();
		assertThat(first.get(60, TimeUnit.SECONDS).files()).isEqualTo(3);
		ReindexReport queued = second.get(60, TimeUnit.SECONDS);
		assertThat(queued.files()).isEqualTo(4);
		assertThat(queued.reindexed()).isEqualTo(1);
		// the third waited too (it joined the queued run, or ran after it)
		assertThat(third.get(60, TimeUnit.SECONDS).files()).isEqualTo(4);
		callers.shutdown();
	}

	@Test
	void aReindexThatDiesReleasesWhoWaitsForItAndTheNextOneRuns() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread first = Thread.ofVirtual().start(() -> knowledge.reindex((done, total, current) -> {
			started.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
		// asked for while the first runs, it is queued behind it, and dies as a reindex
		// out of memory does
		CompletableFuture<Throwable> dying = new CompletableFuture<>();
		Thread queued = Thread.ofVirtual().start(() -> {
			try {
				knowledge.reindex((done, total, current) -> {
					throw new OutOfMemoryError("Java heap space (simulated)");
				});
				dying.complete(null);
			}
			catch (Throwable ex) {
				dying.complete(ex);
			}
		});
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> queued.getState() == Thread.State.WAITING);
		// asked for while that one waits to run: it waits for that one
		CompletableFuture<ReindexReport> waiter = new CompletableFuture<>();
		Thread waiting = Thread.ofVirtual().start(() -> {
			try {
				waiter.complete(knowledge.reindex(ReindexProgress.NONE));
			}
			catch (RuntimeException ex) {
				waiter.completeExceptionally(ex);
			}
		});
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> waiting.getState() == Thread.State.WAITING);
		release.countDown();
		first.join();

		assertThat(dying.get(60, TimeUnit.SECONDS)).isInstanceOf(OutOfMemoryError.class);
		assertThatThrownBy(() -> waiter.get(60, TimeUnit.SECONDS)).cause()
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("reindex failed")
			.hasMessageContaining("OutOfMemoryError");
		// the dead run left nothing half-built, and the next one runs
		assertThat(knowledge.reindex(ReindexProgress.NONE).files()).isEqualTo(3);
		assertThat(Files.list(data.resolve("index")).filter(p -> p.getFileName().toString().startsWith("gen-")))
			.hasSize(1);
	}

}
