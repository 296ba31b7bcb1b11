package com.partnerbot.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cuts documents into chunks that never straddle two sections. A section that is too long
 * is cut at paragraphs, then lines, then sentences, then words, and each piece after the
 * first starts with the end of the one before, so a fact cut in two is still found whole
 * in one of them.
 */
final class Chunker {

	// coarsest first: a piece ends at the most natural boundary that makes it fit
	private static final List<Pattern> BOUNDARIES = List.of(Pattern.compile("\\n[ \\t]*\\n\\s*"),
			Pattern.compile("\\n"), Pattern.compile("(?<=[.!?])\\s+"), Pattern.compile("\\s+"));

	private static final List<String> SEPARATORS = List.of("\n\n", "\n", " ", " ");

	private static final int MAX_SEPARATOR = 2;

	private static final Pattern LIST_ITEM = Pattern.compile("\\s*(?:[-*]|\\d+[.)])\\s");

	private final int maxChars;

	private final int overlapChars;

	// the largest unit packed into a piece: it must still fit after the overlap and a
	// separator
	private final int unitChars;

	Chunker(int maxChars, int overlapChars) {
		if (maxChars < 20) {
			throw new IllegalArgumentException("a chunk must hold at least 20 characters, not " + maxChars);
		}
		if (overlapChars < 0 || overlapChars > maxChars / 2) {
			throw new IllegalArgumentException("the overlap must be between 0 and half a chunk (" + (maxChars / 2)
					+ " characters), not " + overlapChars);
		}
		this.maxChars = maxChars;
		this.overlapChars = overlapChars;
		this.unitChars = maxChars - overlapChars - MAX_SEPARATOR;
	}

	List<Chunk> chunk(SourceDocument doc) {
		List<Chunk> chunks = new ArrayList<>();
		// counted over every section, empty ones too, so that filling in a section
		// later in the file changes no id before it
		Map<List<String>, Integer> occurrences = new HashMap<>();
		for (SourceDocument.Section section : doc.sections()) {
			int occurrence = occurrences.merge(section.headings(), 1, Integer::sum) - 1;
			String text = section.text().strip();
			if (text.isEmpty()) {
				// a heading that only groups subheadings carries no facts
				continue;
			}
			List<String> pieces = section.blocks() ? packBlocks(text) : split(text);
			for (int piece = 0; piece < pieces.size(); piece++) {
				chunks.add(new Chunk(id(doc.source(), section.headings(), occurrence, piece), doc.source(), doc.title(),
						section.headings(), pieces.get(piece), doc.audience(), doc.product(), doc.owner(),
						chunks.size()));
			}
		}
		return chunks;
	}

	/**
	 * Independent of the text, so an edited section keeps its ids and an incremental
	 * reindex replaces chunks in place.
	 */
	static String id(String source, List<String> headings, int occurrence, int piece) {
		String key = source + "\u0000" + String.join("\u0000", headings) + "\u0000" + occurrence + "\u0000" + piece;
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/**
	 * Whole blocks packed into pieces, with no overlap: a piece never starts in the
	 * middle of a sentence, a list or a table. A block too long for one piece is cut
	 * between its lines, each part repeating the block's first line when it introduces
	 * the rest (a list's lead-in, a table's header), so no list item or row is ever
	 * without it.
	 */
	private List<String> packBlocks(String text) {
		List<String> blocks = new ArrayList<>();
		for (String block : BOUNDARIES.get(0).split(text)) {
			if (!block.isBlank()) {
				blocks.addAll(fit(block.strip()));
			}
		}
		List<String> pieces = new ArrayList<>();
		StringBuilder piece = new StringBuilder();
		for (String block : blocks) {
			if (!piece.isEmpty() && piece.length() + 2 + block.length() > maxChars) {
				pieces.add(piece.toString());
				piece.setLength(0);
			}
			if (!piece.isEmpty()) {
				piece.append("\n\n");
			}
			piece.append(block);
		}
		if (!piece.isEmpty()) {
			pieces.add(piece.toString());
		}
		return pieces;
	}

	private List<String> fit(String block) {
		if (block.length() <= maxChars) {
			return List.of(block);
		}
		List<String> lines = List.of(block.split("\n"));
		boolean introduced = !LIST_ITEM.matcher(lines.get(0)).lookingAt();
		String lead = introduced ? lines.get(0) : "";
		if (lines.size() < 3 || lead.length() > maxChars / 2) {
			return split(block);
		}
		List<String> parts = new ArrayList<>();
		List<String> part = new ArrayList<>();
		int length = lead.length();
		for (String line : lines.subList(introduced ? 1 : 0, lines.size())) {
			if (!part.isEmpty() && length + 1 + line.length() > maxChars) {
				parts.add(joined(lead, part));
				part.clear();
				length = lead.length();
			}
			if (lead.length() + 1 + line.length() > maxChars) {
				// one item longer than a piece: cut as prose
				parts.addAll(split(joined(lead, List.of(line))));
				continue;
			}
			part.add(line);
			length += 1 + line.length();
		}
		if (!part.isEmpty()) {
			parts.add(joined(lead, part));
		}
		return parts;
	}

	private static String joined(String lead, List<String> lines) {
		String body = String.join("\n", lines);
		return lead.isEmpty() ? body : lead + "\n" + body;
	}

	private List<String> split(String text) {
		if (text.length() <= maxChars) {
			return List.of(text);
		}
		List<Unit> units = new ArrayList<>();
		divide(text, 0, "", units);
		List<String> pieces = new ArrayList<>();
		StringBuilder piece = new StringBuilder();
		for (Unit unit : units) {
			if (piece.isEmpty()) {
				piece.append(unit.text());
			}
			else if (piece.length() + unit.separator().length() + unit.text().length() <= maxChars) {
				piece.append(unit.separator()).append(unit.text());
			}
			else {
				String done = piece.toString();
				pieces.add(done);
				piece.setLength(0);
				String overlap = overlap(done);
				if (!overlap.isEmpty()) {
					piece.append(overlap).append(unit.separator().isEmpty() ? " " : unit.separator());
				}
				piece.append(unit.text());
			}
		}
		if (!piece.isEmpty()) {
			pieces.add(piece.toString());
		}
		return pieces;
	}

	/**
	 * Cuts text into units of at most unitChars, at the coarsest boundary that does it.
	 */
	private void divide(String text, int level, String separator, List<Unit> units) {
		if (text.length() <= unitChars) {
			units.add(new Unit(separator, text));
			return;
		}
		if (level == BOUNDARIES.size()) {
			cut(text, separator, units);
			return;
		}
		boolean first = true;
		for (String part : BOUNDARIES.get(level).split(text)) {
			if (part.isBlank()) {
				continue;
			}
			divide(part, level + 1, first ? separator : SEPARATORS.get(level), units);
			first = false;
		}
	}

	/** A "word" longer than a unit (a URL, a hash): cut it where it must be. */
	private void cut(String text, String separator, List<Unit> units) {
		int start = 0;
		while (start < text.length()) {
			int end = Math.min(start + unitChars, text.length());
			if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
				end--;
			}
			units.add(new Unit((start == 0) ? separator : "", text.substring(start, end)));
			start = end;
		}
	}

	/** The end of the previous piece, starting at a word. */
	private String overlap(String previous) {
		if (overlapChars == 0) {
			return "";
		}
		int start = Math.max(0, previous.length() - overlapChars);
		if (start > 0 && !Character.isWhitespace(previous.charAt(start - 1))) {
			while (start < previous.length() && !Character.isWhitespace(previous.charAt(start))) {
				start++;
			}
		}
		return previous.substring(start).strip();
	}

	/** Text that is packed whole, and what joins it to the text before. */
	private record Unit(String separator, String text) {
	}

}
