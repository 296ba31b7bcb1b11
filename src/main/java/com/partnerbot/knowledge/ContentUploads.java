package com.partnerbot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import com.partnerbot.platform.InvalidInputException;
import com.partnerbot.platform.NotFoundException;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Service;

/**
 * Adding, replacing and removing documents by upload: kept in the database, so every
 * instance indexes them, and indexed at once (the other instances follow within moments).
 */
@Service
@RequiredArgsConstructor
public class ContentUploads {

	/** Folders and a file name: letters, digits, spaces, dots, dashes and underscores. */
	private static final Pattern PATH = Pattern.compile("[\\p{L}\\p{N} ._-]+(/[\\p{L}\\p{N} ._-]+)*");

	/** The largest document taken. */
	public static final int MAX_BYTES = 10 * 1024 * 1024;

	private final JdbcUploadedContent uploads;

	private final KnowledgeBase knowledge;

	/**
	 * Stores a document under a path (a new one, or a replacement for the file at that
	 * path) and reindexes; a document that cannot be read is refused with the reason and
	 * nothing changes.
	 */
	public ReindexReport upload(String path, byte[] content, String by) {
		String checked = checkedPath(path);
		if (content == null || content.length == 0) {
			throw new InvalidInputException("file", "the file is empty");
		}
		checkedSize(content.length);
		readable(checked, content);
		uploads.save(checked, content, by);
		return knowledge.reindex(ReindexProgress.NONE);
	}

	/**
	 * Refuses, before anyone fetches its bytes, a document that could not be stored: its
	 * path or type, or its announced size (0 when unknown).
	 * @return the path it would be stored at
	 */
	public String check(String path, long size) {
		String checked = checkedPath(path);
		checkedSize(size);
		return checked;
	}

	/** Whether a document was uploaded at this path (an upload there replaces it). */
	public boolean uploaded(String path) {
		return uploads.exists(path);
	}

	/** Removes an uploaded document and reindexes. */
	public ReindexReport remove(String path, String by) {
		String checked = checkedPath(path);
		if (!uploads.delete(checked)) {
			throw new NotFoundException(
					"no uploaded document at " + checked + " (documents of the content directory are removed there)");
		}
		return knowledge.reindex(ReindexProgress.NONE);
	}

	/** The uploaded documents' paths. */
	public List<String> paths() {
		return uploads.paths();
	}

	private static void checkedSize(long size) {
		if (size > MAX_BYTES) {
			throw new InvalidInputException("file", "the file is larger than 10 MB");
		}
	}

	private static String checkedPath(String path) {
		String stripped = (path != null) ? path.strip() : "";
		if (stripped.isEmpty() || stripped.length() > 300 || !PATH.matcher(stripped).matches()
				|| List.of(stripped.split("/")).stream().anyMatch(part -> part.isBlank() || part.matches("\\.+"))) {
			throw new InvalidInputException("path",
					"a relative path such as marketing/mdf-policy.md: folders and a file name of letters, digits, "
							+ "spaces, dots, dashes and underscores");
		}
		if (!DocumentReaders.supports(Path.of(stripped))) {
			throw new InvalidInputException("path", "use .md, .markdown, .html, .htm, .pdf or .txt");
		}
		return stripped;
	}

	private static void readable(String path, byte[] content) {
		try {
			Path dir = Files.createTempDirectory("partnerbot-upload");
			try {
				Path file = dir.resolve(path);
				Files.createDirectories(file.getParent());
				Files.write(file, content);
				DocumentReaders.read(dir, file);
			}
			finally {
				try (var walk = Files.walk(dir)) {
					for (Path stale : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
						Files.deleteIfExists(stale);
					}
				}
			}
		}
		catch (UnreadableDocumentException ex) {
			throw new InvalidInputException("file", ex.getMessage());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
