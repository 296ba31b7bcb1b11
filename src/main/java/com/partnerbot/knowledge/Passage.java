package com.partnerbot.knowledge;

import java.util.List;

/**
 * A chunk of enablement content found for a query.
 *
 * @param id the chunk's stable id
 * @param source the file, relative to the content directory
 * @param title the document's title
 * @param headings the section's heading path
 * @param text the chunk's text
 * @param score the fused score, higher is better
 * @param similarity the cosine similarity of chunk and query, from the embedding model
 */
public record Passage(String id, String source, String title, List<String> headings, String text, double score,
		double similarity) {

	/** "Title > Section > Subsection". */
	public String location() {
		return headings.isEmpty() ? title : title + " > " + String.join(" > ", headings);
	}

}
