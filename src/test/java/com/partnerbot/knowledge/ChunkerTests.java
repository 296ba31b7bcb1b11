package com.partnerbot.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.partnerbot.knowledge.SourceDocument.Section;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChunkerTests {

	private static final int MAX_CHARS = 300;

	private static final int OVERLAP_CHARS = 50;

	@Test
	void blocksArePackedWholeAndACutListOrTableRepeatsItsLeadIn() {
		List<String> items = IntStream.range(0, 12)
			.mapToObj(i -> "- Item " + i + " is something partners may not do with their tenants.")
			.toList();
		String list = "Not permitted:\n" + String.join("\n", items);
		String table = "| Tier | Share |\n" + IntStream.range(0, 20)
			.mapToObj(i -> "| Tier " + i + " | " + i + "0% |")
			.collect(Collectors.joining("\n"));
		String paragraph = "A short paragraph that ends the section.";
		List<Chunk> chunks = new Chunker(MAX_CHARS, OVERLAP_CHARS)
			.chunk(document(List.of(new Section(List.of("Rules"), list + "\n\n" + table + "\n\n" + paragraph, true))));
		assertThat(chunks).hasSizeGreaterThan(3);
		for (Chunk chunk : chunks) {
			assertThat(chunk.text().length()).isLessThanOrEqualTo(MAX_CHARS);
			for (String block : chunk.text().split("\n\n")) {
				if (block.contains("- Item")) {
					assertThat(block).startsWith("Not permitted:\n- Item");
				}
				if (block.contains("| Tier ")) {
					assertThat(block).startsWith("| Tier | Share |\n| Tier ");
				}
			}
		}
		// no overlap: each item is in exactly one chunk, and nothing starts mid-sentence
		assertThat(chunks.stream().mapToLong(c -> c.text().lines().filter(l -> l.startsWith("- Item")).count()).sum())
			.isEqualTo(12);
		assertThat(chunks.get(chunks.size() - 1).text()).endsWith(paragraph);
	}

	@Test
	void idsAreStableAcrossRuns() {
		List<Chunk> first = new Chunker(MAX_CHARS, OVERLAP_CHARS).chunk(guide("All tiers may register."));
		List<Chunk> second = new Chunker(MAX_CHARS, OVERLAP_CHARS).chunk(guide("All tiers may register."));
		assertThat(ids(first)).isEqualTo(ids(second))
			.hasSize(6)
			.doesNotHaveDuplicates()
			.allMatch(id -> id.matches("[0-9a-f]{16}"));
	}

	@Test
	void changingALaterSectionKeepsTheIdsBeforeIt() {
		Chunker chunker = new Chunker(MAX_CHARS, OVERLAP_CHARS);
		List<String> before = ids(chunker.chunk(guide("All tiers may register.")));
		List<String> after = ids(chunker.chunk(guide("All tiers may register, from July 1. ".repeat(30))));
		assertThat(after).hasSizeGreaterThan(before.size());
		assertThat(after.subList(0, 5)).isEqualTo(before.subList(0, 5));
	}

	@Test
	void idsDependOnTheSourceFile() {
		Chunker chunker = new Chunker(MAX_CHARS, OVERLAP_CHARS);
		SourceDocument doc = guide("All tiers may register.");
		SourceDocument copy = new SourceDocument("deals/copy.md", doc.title(), doc.audience(), doc.product(),
				doc.owner(), doc.sections());
		assertThat(ids(chunker.chunk(copy))).doesNotContainAnyElementsOf(ids(chunker.chunk(doc)));
	}

	@Test
	void chunksCarryTheDocumentsMetadataAndSequentialOrdinals() {
		List<Chunk> chunks = new Chunker(MAX_CHARS, OVERLAP_CHARS).chunk(guide("All tiers may register."));
		assertThat(chunks).allSatisfy(chunk -> {
			assertThat(chunk.source()).isEqualTo("deals/guide.md");
			assertThat(chunk.title()).isEqualTo("Deal Registration Guide");
			assertThat(chunk.audience()).containsExactly("Gold", "Platinum");
			assertThat(chunk.product()).isEqualTo("Analytics Suite");
			assertThat(chunk.owner()).isEqualTo("deal-desk@example.com");
		});
		assertThat(chunks.stream().map(Chunk::ordinal).toList())
			.isEqualTo(IntStream.range(0, chunks.size()).boxed().toList());
		assertThat(chunks.get(2).headings()).containsExactly("Deal registration", "Protection period");
		assertThat(chunks.get(2).text()).isEqualTo("Protection lasts 90 days.");
	}

	@Test
	void contextualTextStartsWithTitleAndHeadings() {
		List<Chunk> chunks = new Chunker(MAX_CHARS, OVERLAP_CHARS).chunk(guide("All tiers may register."));
		assertThat(chunks.get(0).contextualText()).isEqualTo("Deal Registration Guide\nRead this first.");
		assertThat(chunks.get(2).contextualText())
			.isEqualTo("Deal Registration Guide > Deal registration > Protection period\nProtection lasts 90 days.");
		Chunk untitled = new Chunk("id", "s.txt", "", List.of(), "Just text.", List.of(), null, null, 0);
		assertThat(untitled.contextualText()).isEqualTo("Just text.");
	}

	@Test
	void headingWithoutBodyIsSkipped() {
		SourceDocument doc = document(List.of(new Section(List.of("Protection and timing"), ""),
				new Section(List.of("Protection and timing", "How long?"), "90 days from approval."),
				new Section(List.of("Blank"), "  \n\t\n ")));
		List<Chunk> chunks = new Chunker(MAX_CHARS, OVERLAP_CHARS).chunk(doc);
		assertThat(chunks).hasSize(1);
		assertThat(chunks.get(0).headings()).containsExactly("Protection and timing", "How long?");
		assertThat(chunks.get(0).ordinal()).isZero();
	}

	@Test
	void shortSectionIsOneChunkWithItsText() {
		String text = "Gold partners get 20% off list.\n\nPlatinum partners get 25%.";
		List<Chunk> chunks = new Chunker(MAX_CHARS, OVERLAP_CHARS)
			.chunk(document(List.of(new Section(List.of("Discounts"), "\n" + text + "\n"))));
		assertThat(chunks).singleElement().satisfies(chunk -> assertThat(chunk.text()).isEqualTo(text));
	}

	@Test
	void longSectionIsSplitIntoPiecesThatFitWithoutLosingWords() {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 60; i++) {
			text.append("Sentence ").append(i).append(" mentions term").append(i).append(" and keeps going.");
			text.append((i % 7 == 6) ? "\n\n" : " ");
		}
		String input = text.toString().strip();
		List<Chunk> chunks = new Chunker(MAX_CHARS, OVERLAP_CHARS)
			.chunk(document(List.of(new Section(List.of("Long"), input))));
		assertThat(chunks).hasSizeGreaterThan(5);
		assertThat(chunks).allSatisfy(chunk -> {
			assertThat(chunk.text().length()).isLessThanOrEqualTo(MAX_CHARS + OVERLAP_CHARS);
			assertThat(chunk.headings()).containsExactly("Long");
		});
		assertThat(words(chunks)).containsAll(Arrays.asList(input.split("\\s+")));
		assertThat(ids(chunks)).doesNotHaveDuplicates();
		assertThat(chunks.stream().map(Chunk::ordinal).toList())
			.isEqualTo(IntStream.range(0, chunks.size()).boxed().toList());
		// each piece after the first repeats the end of the one before
		for (int i = 1; i < chunks.size(); i++) {
			String opening = chunks.get(i).text().substring(0, 20);
			assertThat(chunks.get(i - 1).text()).contains(opening);
		}
	}

	@Test
	void wordLongerThanAChunkIsCutWithoutLosingCharacters() {
		String token = "x".repeat(1000);
		List<Chunk> chunks = new Chunker(MAX_CHARS, OVERLAP_CHARS)
			.chunk(document(List.of(new Section(List.of(), token))));
		assertThat(chunks).hasSizeGreaterThan(1)
			.allSatisfy(chunk -> assertThat(chunk.text().length()).isLessThanOrEqualTo(MAX_CHARS));
		assertThat(chunks.stream().map(Chunk::text).collect(Collectors.joining())).isEqualTo(token);
	}

	@Test
	void overlapMustLeaveRoomForText() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Chunker(300, 200));
		assertThatIllegalArgumentException().isThrownBy(() -> new Chunker(300, -1));
		assertThatIllegalArgumentException().isThrownBy(() -> new Chunker(10, 0));
	}

	@Test
	void demoLibraryChunksFitAndHaveUniqueIds() throws Exception {
		Path library = Path.of("content-index");
		Chunker chunker = new Chunker(1200, 150);
		List<Chunk> chunks = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(library)) {
			for (Path file : walk.filter(Files::isRegularFile).filter(DocumentReaders::supports).sorted().toList()) {
				chunks.addAll(chunker.chunk(DocumentReaders.read(library, file)));
			}
		}
		assertThat(chunks).hasSizeGreaterThan(60)
			.allSatisfy(chunk -> assertThat(chunk.text()).isNotBlank().hasSizeLessThanOrEqualTo(1200));
		assertThat(ids(chunks)).doesNotHaveDuplicates();
	}

	private static SourceDocument guide(String lastSection) {
		return new SourceDocument("deals/guide.md", "Deal Registration Guide", List.of("Gold", "Platinum"),
				"Analytics Suite", "deal-desk@example.com",
				List.of(new Section(List.of(), "Read this first."),
						new Section(List.of("Deal registration"), "Register every qualified deal."),
						new Section(List.of("Deal registration", "Protection period"), "Protection lasts 90 days."),
						new Section(List.of("FAQ"), "Question one."), new Section(List.of("FAQ"), "Question two."),
						new Section(List.of("Eligibility"), lastSection)));
	}

	private static SourceDocument document(List<Section> sections) {
		return new SourceDocument("doc.md", "Doc", List.of(), null, null, sections);
	}

	private static List<String> ids(List<Chunk> chunks) {
		return chunks.stream().map(Chunk::id).toList();
	}

	private static Set<String> words(List<Chunk> chunks) {
		Set<String> words = new HashSet<>();
		chunks.forEach(chunk -> words.addAll(Arrays.asList(chunk.text().split("\\s+"))));
		return words;
	}

}
