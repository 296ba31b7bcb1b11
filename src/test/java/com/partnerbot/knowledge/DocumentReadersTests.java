package com.partnerbot.knowledge;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.partnerbot.knowledge.SourceDocument.Section;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DocumentReadersTests {

	@TempDir
	Path dir;

	@Test
	void markdownFrontMatterGivesTitleAudienceProductAndOwner() throws Exception {
		Path file = write("deals/guide.md", """
				---
				title: Deal Registration Guide
				audience: [Gold, Platinum]
				product: Analytics Suite
				owner: deal-desk@example.com
				---

				Read this before registering.

				# Deal registration

				Register every qualified deal.

				## Protection period

				Protection lasts 90 days.

				### Extensions

				One 30-day extension.

				## Eligibility

				All tiers may register.
				""");
		SourceDocument doc = DocumentReaders.read(dir, file);
		assertThat(doc.source()).isEqualTo("deals/guide.md");
		assertThat(doc.title()).isEqualTo("Deal Registration Guide");
		assertThat(doc.audience()).containsExactly("Gold", "Platinum");
		assertThat(doc.product()).isEqualTo("Analytics Suite");
		assertThat(doc.owner()).isEqualTo("deal-desk@example.com");
		assertThat(paths(doc)).containsExactly("", "Deal registration", "Deal registration > Protection period",
				"Deal registration > Protection period > Extensions", "Deal registration > Eligibility");
		assertThat(texts(doc)).containsExactly("Read this before registering.", "Register every qualified deal.",
				"Protection lasts 90 days.", "One 30-day extension.", "All tiers may register.");
	}

	@Test
	void markdownAudienceMayBeOneStringOrCommaSeparated() throws Exception {
		Path one = write("gold.md", """
				---
				audience: Gold
				---
				Gold only.
				""");
		Path two = write("gold-platinum.md", """
				---
				audience: " Gold ,  Platinum "
				---
				Gold and Platinum.
				""");
		assertThat(DocumentReaders.read(dir, one).audience()).containsExactly("Gold");
		assertThat(DocumentReaders.read(dir, two).audience()).containsExactly("Gold", "Platinum");
	}

	@Test
	void markdownWithoutFrontMatterIsForEveryoneAndTitledByItsFirstHeading() throws Exception {
		Path file = write("pricing.md", """
				# Pricing Sheet

				Prices for Q3.

				## Analytics Suite

				$45 per user.
				""");
		SourceDocument doc = DocumentReaders.read(dir, file);
		assertThat(doc.title()).isEqualTo("Pricing Sheet");
		assertThat(doc.audience()).isEmpty();
		assertThat(doc.product()).isNull();
		assertThat(doc.owner()).isNull();
		// citations show the title already: its heading is not repeated in every path
		assertThat(paths(doc)).containsExactly("", "Analytics Suite");
		assertThat(texts(doc)).containsExactly("Prices for Q3.", "$45 per user.");
	}

	@Test
	void markdownWithoutAnyTitleIsTitledByItsFileName() throws Exception {
		Path file = write("notes/no-front_matter.md", "Just some text.\n");
		SourceDocument doc = DocumentReaders.read(dir, file);
		assertThat(doc.title()).isEqualTo("No front matter");
		assertThat(paths(doc)).containsExactly("");
	}

	@Test
	void hashLinesInsideCodeFencesAreNotHeadings() throws Exception {
		Path file = write("setup.md", """
				---
				title: Setup guide
				---
				# Install

				```bash
				# install the agent
				./install.sh
				```

				~~~
				## not a heading either
				~~~

				## Configure

				Edit the file.
				""");
		SourceDocument doc = DocumentReaders.read(dir, file);
		assertThat(paths(doc)).containsExactly("Install", "Install > Configure");
		assertThat(doc.sections().get(0).text()).contains("# install the agent", "./install.sh",
				"## not a heading either");
		assertThat(doc.sections().get(0).text()).doesNotContain("```", "~~~");
	}

	@Test
	void markdownNoiseIsStrippedAndTablesKept() throws Exception {
		Path file = write("links.md", """
				---
				title: Links
				---
				See [the portal](https://partners.example.com/deals) and ![logo](logo.png) **now**.
				Use `Deals > Register` or <https://example.com/help>.
				<!-- internal note:
				do not publish -->
				> Quoted _advice_ here.
				* first item

				| Tier | Discount |
				|---|:---:|
				| Gold | 20% |
				| Platinum | 25% |
				""");
		String text = DocumentReaders.read(dir, file).sections().get(0).text();
		assertThat(text).contains(
				"See the portal and now. Use Deals > Register or https://example.com/help.\n\nQuoted advice here.\n- first item");
		// a table is one block: its header, then its rows
		assertThat(text).contains("\n\n| Tier | Discount |\n| Gold | 20% |\n| Platinum | 25% |");
		assertThat(text).doesNotContain("](", "**", "`", "logo.png", "internal note", "do not publish", "---", "> Q");
	}

	@Test
	void aListKeepsTheSentenceThatIntroducesItInMarkdownAndHtml() throws Exception {
		Path markdown = write("claims.md", """
				# Claims

				You may describe published capabilities. You may not:

				- Promise unreleased features.
				- Describe FedRAMP authorization as complete.

				Northwind pays this share:

				| Tier | Share |
				|---|---|
				| Silver | 50% |
				""");
		assertThat(DocumentReaders.read(dir, markdown).sections().get(0).text()).isEqualTo("""
				You may describe published capabilities. You may not:
				- Promise unreleased features.
				- Describe FedRAMP authorization as complete.

				Northwind pays this share:
				| Tier | Share |
				| Silver | 50% |""");
		Path html = write("claims.html", """
				<h1>Claims</h1>
				<p>You may describe published capabilities. You may not:</p>
				<ul><li>Promise unreleased features.</li><li>Describe FedRAMP authorization as complete.</li></ul>
				""");
		assertThat(DocumentReaders.read(dir, html).sections().get(0).text()).isEqualTo("""
				You may describe published capabilities. You may not:
				- Promise unreleased features.
				- Describe FedRAMP authorization as complete.""");
		assertThat(DocumentReaders.read(dir, markdown).sections().get(0).blocks()).isTrue();
	}

	@Test
	void wrongTypedAudienceIsUnreadable() throws Exception {
		Path file = write("bad.md", """
				---
				audience: 3
				---
				Text.
				""");
		assertThatExceptionOfType(UnreadableDocumentException.class).isThrownBy(() -> DocumentReaders.read(dir, file))
			.withMessageContaining("bad.md")
			.withMessageContaining("audience");
	}

	@Test
	void brokenYamlIsUnreadableWithItsLine() throws Exception {
		Path file = write("deals/rules.md", """
				---
				title: Rules
				owner: a: b
				---
				Text.
				""");
		assertThatExceptionOfType(UnreadableDocumentException.class).isThrownBy(() -> DocumentReaders.read(dir, file))
			.withMessageContaining("deals/rules.md")
			.withMessageContaining("not valid YAML")
			.withMessageContaining("line 3");
	}

	@Test
	void frontMatterMustBeAClosedMapping() throws Exception {
		Path list = write("list.md", """
				---
				- a
				- b
				---
				Text.
				""");
		Path unclosed = write("unclosed.md", """
				---
				title: Never closed

				Text.
				""");
		assertThatExceptionOfType(UnreadableDocumentException.class).isThrownBy(() -> DocumentReaders.read(dir, list))
			.withMessageContaining("list.md")
			.withMessageContaining("key: value");
		assertThatExceptionOfType(UnreadableDocumentException.class)
			.isThrownBy(() -> DocumentReaders.read(dir, unclosed))
			.withMessageContaining("unclosed.md")
			.withMessageContaining("closing");
	}

	@Test
	void htmlMetaTagsAndHeadingSections() throws Exception {
		Path file = write("products/gateway.html", """
				<!DOCTYPE html>
				<html>
				<head>
				<title>Gateway Notes Page</title>
				<meta name="audience" content="Gold, Platinum">
				<meta name="product" content="Secure Gateway">
				<meta name="owner" content="ops@example.com">
				<script>var secret = "hidden";</script>
				<style>p { color: red; }</style>
				</head>
				<body>
				<nav><a href="/">Home</a> | <a href="/about">About</a></nav>
				<h1>Secure Gateway Notes</h1>
				<p>Read this first.</p>
				<h2>Pricing</h2>
				<p>Costs <strong>$10</strong> per user.</p>
				<ul>
				<li>Monthly billing</li>
				<li>Annual billing</li>
				</ul>
				<script>alert("tracking");</script>
				<h2>Support</h2>
				<h3>Hours</h3>
				<table>
				<tr><th>Tier</th><th>Hours</th></tr>
				<tr><td>Gold</td><td>24x7</td></tr>
				</table>
				</body>
				</html>
				""");
		SourceDocument doc = DocumentReaders.read(dir, file);
		assertThat(doc.source()).isEqualTo("products/gateway.html");
		assertThat(doc.title()).isEqualTo("Secure Gateway Notes");
		assertThat(doc.audience()).containsExactly("Gold", "Platinum");
		assertThat(doc.product()).isEqualTo("Secure Gateway");
		assertThat(doc.owner()).isEqualTo("ops@example.com");
		assertThat(paths(doc)).containsExactly("", "Pricing", "Support", "Support > Hours");
		assertThat(texts(doc)).containsExactly("Read this first.",
				"Costs $10 per user.\n- Monthly billing\n- Annual billing", "", "| Tier | Hours |\n| Gold | 24x7 |");
		assertThat(String.join("\n", texts(doc))).doesNotContain("secret", "tracking", "Home", "color");
	}

	@Test
	void htmlWithoutHeadingsIsTitledByItsTitleElement() throws Exception {
		Path file = write("plain.htm", """
				<html><head><title>Only Title</title></head><body><p>Body text.</p></body></html>
				""");
		SourceDocument doc = DocumentReaders.read(dir, file);
		assertThat(doc.title()).isEqualTo("Only Title");
		assertThat(doc.audience()).isEmpty();
		assertThat(texts(doc)).containsExactly("Body text.");
	}

	@Test
	void pdfPagesBecomeSections() throws Exception {
		Path file = dir.resolve("price-notes.pdf");
		try (PDDocument pdf = new PDDocument()) {
			addPage(pdf, "Gold partners get 20% off list.");
			addPage(pdf, "Platinum partners get 25% off list.");
			pdf.getDocumentInformation().setTitle("Price Notes");
			pdf.save(file.toFile());
		}
		SourceDocument doc = DocumentReaders.read(dir, file);
		assertThat(doc.source()).isEqualTo("price-notes.pdf");
		assertThat(doc.title()).isEqualTo("Price Notes");
		assertThat(doc.sections()).hasSize(2).allSatisfy(section -> assertThat(section.headings()).isEmpty());
		assertThat(doc.sections().get(0).text()).contains("Gold partners get 20% off list.");
		assertThat(doc.sections().get(1).text()).contains("Platinum partners get 25% off list.");
	}

	@Test
	void brokenPdfIsUnreadable() throws Exception {
		Path file = write("x.pdf", "this is not a PDF at all");
		assertThatExceptionOfType(UnreadableDocumentException.class).isThrownBy(() -> DocumentReaders.read(dir, file))
			.withMessageContaining("x.pdf")
			.withMessageContaining("not a readable PDF");
	}

	@Test
	void textFileTitleFieldsAndCapitalHeadings() throws Exception {
		Path file = write("program/glossary.txt", """
				PARTNER GLOSSARY
				Owner: ops@example.com
				Audience: all partners

				This glossary defines the terms.


				DEAL REGISTRATION
				Submitting an opportunity to gain protection.

				MARKET DEVELOPMENT FUNDS (MDF)
				Money for marketing, 2% of won revenue.

				Support hours
				-------------
				Business hours for Registered partners.
				""");
		SourceDocument doc = DocumentReaders.read(dir, file);
		assertThat(doc.source()).isEqualTo("program/glossary.txt");
		assertThat(doc.title()).isEqualTo("PARTNER GLOSSARY");
		assertThat(doc.owner()).isEqualTo("ops@example.com");
		assertThat(doc.audience()).isEmpty();
		assertThat(paths(doc)).containsExactly("", "DEAL REGISTRATION", "MARKET DEVELOPMENT FUNDS (MDF)",
				"Support hours");
		assertThat(texts(doc)).containsExactly("This glossary defines the terms.",
				"Submitting an opportunity to gain protection.", "Money for marketing, 2% of won revenue.",
				"Business hours for Registered partners.");
	}

	@Test
	void textFileAudienceField() throws Exception {
		Path file = write("gold-tips.txt", """
				Gold tips
				Audience: Gold, Platinum

				Only for the top tiers.
				""");
		SourceDocument doc = DocumentReaders.read(dir, file);
		assertThat(doc.title()).isEqualTo("Gold tips");
		assertThat(doc.audience()).containsExactly("Gold", "Platinum");
		assertThat(texts(doc)).containsExactly("Only for the top tiers.");
	}

	@Test
	void oneLineTextFileIsBodyNotTitle() throws Exception {
		Path file = write("short-note.txt", "Gold partners get 20% off.\n");
		SourceDocument doc = DocumentReaders.read(dir, file);
		assertThat(doc.title()).isEqualTo("Short note");
		assertThat(texts(doc)).containsExactly("Gold partners get 20% off.");
	}

	@Test
	void invalidUtf8IsUnreadable() throws Exception {
		Path file = dir.resolve("notes.txt");
		Files.write(file, new byte[] { 'H', 'i', ' ', (byte) 0xC3, '(', '\n' });
		assertThatExceptionOfType(UnreadableDocumentException.class).isThrownBy(() -> DocumentReaders.read(dir, file))
			.withMessageContaining("notes.txt")
			.withMessageContaining("UTF-8");
	}

	@Test
	void emptyDocumentsAreUnreadable() throws Exception {
		Path blank = write("empty.md", "  \n\n\t\n");
		Path frontMatterOnly = write("meta-only.md", "---\ntitle: Nothing else\n---\n");
		Path emptyText = write("empty.txt", "");
		Path emptyHtml = write("empty.html", "<html><head><title>T</title></head><body> </body></html>");
		for (Path file : List.of(blank, frontMatterOnly, emptyText, emptyHtml)) {
			assertThatExceptionOfType(UnreadableDocumentException.class)
				.isThrownBy(() -> DocumentReaders.read(dir, file))
				.withMessageContaining(file.getFileName().toString())
				.withMessageContaining("empty");
		}
	}

	@Test
	void filesOverTheSizeLimitAreUnreadable() throws Exception {
		Path file = dir.resolve("big.txt");
		try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
			sparse.setLength(DocumentReaders.MAX_BYTES + 1);
		}
		assertThatExceptionOfType(UnreadableDocumentException.class).isThrownBy(() -> DocumentReaders.read(dir, file))
			.withMessageContaining("big.txt")
			.withMessageContaining("too large");
	}

	@Test
	void sourceIsRelativeWithForwardSlashes() throws Exception {
		Path file = write("a/b/c.txt", "Title\n\nBody.\n");
		assertThat(DocumentReaders.read(dir, file).source()).isEqualTo("a/b/c.txt");
		assertThat(DocumentReaders.source(dir.resolve("a/../a"), file)).isEqualTo("b/c.txt");
	}

	@Test
	void supportsByExtensionIgnoringCase() {
		assertThat(Stream.of("a.md", "b.MARKDOWN", "c.html", "d.HTM", "e.Pdf", "f.txt").map(Path::of))
			.allMatch(DocumentReaders::supports);
		assertThat(Stream.of("a.png", ".DS_Store", "README", "notes.md.bak", "doc.docx").map(Path::of))
			.noneMatch(DocumentReaders::supports);
	}

	@Test
	void readsTheDemoLibrary() throws Exception {
		Path library = Path.of("content-index");
		List<Path> files;
		try (Stream<Path> walk = Files.walk(library)) {
			files = walk.filter(Files::isRegularFile)
				.filter(file -> !file.getFileName().toString().startsWith("."))
				.sorted()
				.toList();
		}
		assertThat(files).isNotEmpty().allMatch(DocumentReaders::supports);
		int sections = 0;
		List<String> sources = new ArrayList<>();
		for (Path file : files) {
			SourceDocument doc = DocumentReaders.read(library, file);
			assertThat(doc.title()).as(doc.source()).isNotBlank();
			assertThat(doc.sections()).as(doc.source()).isNotEmpty();
			sections += doc.sections().size();
			sources.add(doc.source());
			if (doc.source().equals("gold/gold-pricing-sheet.md")) {
				assertThat(doc.title()).isEqualTo("Gold Pricing Sheet");
				assertThat(doc.audience()).containsExactly("Gold", "Platinum");
				assertThat(doc.sections()).noneMatch(section -> section.headings().contains("Gold Pricing Sheet"));
				assertThat(String.join("\n", texts(doc))).contains("| Gold | 20% off list |");
			}
			if (doc.source().equals("program/program-terms-glossary.txt")) {
				assertThat(doc.owner()).isEqualTo("channel-ops@northwind.example");
				assertThat(doc.audience()).isEmpty();
				assertThat(paths(doc)).contains("DEAL REGISTRATION");
			}
			if (doc.source().equals("program/q3-2026-program-updates.html")) {
				assertThat(doc.title()).isEqualTo("Quarterly Program Updates: Q3 2026");
				assertThat(doc.owner()).isEqualTo("channel-ops@northwind.example");
				assertThat(paths(doc)).contains("Deal registration > CAD and AUD currencies");
			}
		}
		assertThat(sources).contains("gold/gold-pricing-sheet.md", "program/program-terms-glossary.txt",
				"program/q3-2026-program-updates.html");
		assertThat(sections).isGreaterThan(60);
	}

	private Path write(String relative, String content) throws IOException {
		Path file = dir.resolve(relative);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content, StandardCharsets.UTF_8);
	}

	private static void addPage(PDDocument pdf, String text) throws IOException {
		PDPage page = new PDPage();
		pdf.addPage(page);
		try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
			content.beginText();
			content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
			content.newLineAtOffset(72, 700);
			content.showText(text);
			content.endText();
		}
	}

	private static List<String> paths(SourceDocument doc) {
		return doc.sections().stream().map(section -> String.join(" > ", section.headings())).toList();
	}

	private static List<String> texts(SourceDocument doc) {
		return doc.sections().stream().map(Section::text).toList();
	}

}
