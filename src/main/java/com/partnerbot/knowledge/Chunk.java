package com.partnerbot.knowledge;

import java.util.List;

/**
 * A piece of a document small enough to embed and to quote, with the document's metadata.
 *
 * @param id stable across reindexes: derived from the source, the heading path and the
 * position under it, not from the text
 * @param source the file, relative to the content directory
 * @param title the document's title
 * @param headings the section's heading path
 * @param text the chunk's text
 * @param audience the tiers that may see it; empty for every partner
 * @param product the document's product, or null
 * @param owner the document's owner, or null
 * @param ordinal the chunk's position in its document, from 0
 */
record Chunk(String id, String source, String title, List<String> headings, String text, List<String> audience,
		String product, String owner, int ordinal) {

	Chunk {
		headings = List.copyOf(headings);
		audience = List.copyOf(audience);
	}

	/**
	 * "Title > Section > Subsection", a line break, then the text: what is embedded and
	 * searched, so a chunk that says "90 days" still matches a question about deal
	 * registration.
	 */
	String contextualText() {
		StringBuilder context = new StringBuilder((title != null) ? title.strip() : "");
		for (String heading : headings) {
			if (!context.isEmpty()) {
				context.append(" > ");
			}
			context.append(heading);
		}
		return context.isEmpty() ? text : context.append('\n').append(text).toString();
	}

}
