package com.partnerbot.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Uploaded documents in PostgreSQL. */
@Repository
@RequiredArgsConstructor
class JdbcUploadedContent implements UploadedContent {

	private final JdbcClient jdbc;

	void save(String path, byte[] content, String by) {
		jdbc.sql("""
				insert into knowledge_document (path, content, uploaded_by) values (?, ?, ?)
				on conflict (path) do update set content = excluded.content, uploaded_by = excluded.uploaded_by,
				    uploaded_at = now()
				""").params(path, content, by).update();
	}

	boolean delete(String path) {
		return jdbc.sql("delete from knowledge_document where path = ?").param(path).update() > 0;
	}

	boolean exists(String path) {
		return jdbc.sql("select count(*) from knowledge_document where path = ?")
			.param(path)
			.query(Integer.class)
			.single() > 0;
	}

	List<String> paths() {
		return jdbc.sql("select path from knowledge_document order by path").query(String.class).list();
	}

	@Override
	public List<String> copyTo(Path dir) throws IOException {
		Files.createDirectories(dir);
		List<String> copied = new ArrayList<>();
		Set<Path> kept = new HashSet<>();
		// one read of every upload, not one query per document
		Map<String, byte[]> documents = new LinkedHashMap<>();
		jdbc.sql("select path, content from knowledge_document order by path")
			.query((rs, n) -> documents.put(rs.getString(1), rs.getBytes(2)))
			.list();
		for (Map.Entry<String, byte[]> document : documents.entrySet()) {
			String path = document.getKey();
			byte[] content = document.getValue();
			Path file = dir.resolve(path).normalize();
			Files.createDirectories(file.getParent());
			if (!Files.exists(file) || !java.util.Arrays.equals(Files.readAllBytes(file), content)) {
				Files.write(file, content);
			}
			kept.add(file);
			copied.add(path);
		}
		try (Stream<Path> walk = Files.walk(dir)) {
			for (Path stale : walk.sorted(Comparator.reverseOrder()).toList()) {
				if (!stale.equals(dir) && !kept.contains(stale) && (Files.isRegularFile(stale) || isEmpty(stale))) {
					Files.delete(stale);
				}
			}
		}
		return copied;
	}

	private static boolean isEmpty(Path dir) throws IOException {
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.findAny().isEmpty();
		}
	}

}
