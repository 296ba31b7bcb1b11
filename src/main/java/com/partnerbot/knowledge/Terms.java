package com.partnerbot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The search terms of a text as the index sees them (English stop words dropped, words
 * stemmed), for modules that weigh how much of a question a passage covers.
 */
public final class Terms {

	private static final Analyzer ENGLISH = new EnglishAnalyzer();

	private Terms() {
	}

	/** The distinct stemmed terms of the text, in order of first appearance. */
	public static Set<String> of(String text) {
		Set<String> terms = new LinkedHashSet<>();
		if (text == null || text.isBlank()) {
			return terms;
		}
		try (TokenStream stream = ENGLISH.tokenStream(IndexSchema.BODY, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return terms;
	}

}
