package com.partnerbot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped enablement library, read by tests that check the configured rules say what
 * it tells partners.
 */
public final class Library {

	private Library() {
	}

	/** A document of the library by its path from the project folder. */
	public static String read(String path) {
		try {
			return Files.readString(Path.of(path));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The first group of the first match, asserting the document says it. */
	public static String text(String document, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(document);
		assertThat(matcher.find()).as("the library says /%s/", regex).isTrue();
		return matcher.group(1);
	}

	public static int number(String document, String regex) {
		return Integer.parseInt(text(document, regex));
	}

}
