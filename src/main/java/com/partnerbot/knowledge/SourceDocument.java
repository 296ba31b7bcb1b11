package com.partnerbot.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * One enablement document as read from the content directory, before it is cut into
 * chunks.
 *
 * @param source the file's path relative to the content directory, with {@code /}
 * separators
 * @param title the document's title
 * @param audience the partner tiers that may see the document, as written; empty for
 * every partner
 * @param product the product the document is about, or null
 * @param owner who keeps the document up to date, or null
 * @param sections the document's sections in reading order
 */
record SourceDocument(String source, String title, List<String> audience, String product, String owner,
		List<Section> sections) {

	SourceDocument {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(title, "title");
		audience = List.copyOf(audience);
		sections = List.copyOf(sections);
	}

	/**
	 * A stretch of the document under one heading.
	 *
	 * @param headings the heading path, outermost first, e.g. ["Deal registration",
	 * "Protection period"]; empty before the first heading
	 * @param text the body, without the heading line; may be blank when a heading only
	 * groups subheadings
	 * @param blocks whether the text is made of whole blocks separated by blank lines
	 * (paragraphs, lists with the sentence that introduces them, tables as {@code | a | b
	 * |} rows), which the chunker keeps whole and answers quote whole; false for text
	 * read without structure (PDF pages, a BEIR corpus)
	 */
	record Section(List<String> headings, String text, boolean blocks) {

		Section {
			headings = List.copyOf(headings);
			Objects.requireNonNull(text, "text");
		}

		Section(List<String> headings, String text) {
			this(headings, text, false);
		}

	}

}
