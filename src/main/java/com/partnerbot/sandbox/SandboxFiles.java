package com.partnerbot.sandbox;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletRequest;

import com.partnerbot.platform.LocalMode;
import com.partnerbot.platform.NotFoundException;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Files the bot uploads as Slack has it upload them: {@code files.getUploadURLExternal}
 * gives a URL here, the bytes are posted to it, and the page shows them by file id. Kept
 * in memory for the run, at most a few hundred.
 */
@RestController
@Conditional(LocalMode.class)
class SandboxFiles {

	private static final int KEPT = 500;

	private final Map<String, byte[]> files = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	/** A new file id and where its bytes go. */
	String[] uploadUrl(HttpServletRequest request) {
		String id = "F0SANDBOX" + ids.incrementAndGet();
		String base = request.getRequestURL().toString().replaceFirst("/sandbox/api/.*$", "");
		return new String[] { id, base + "/sandbox/files/upload/" + id };
	}

	boolean exists(String id) {
		return files.containsKey(id);
	}

	@PostMapping("/sandbox/files/upload/{id}")
	String upload(@PathVariable String id, HttpServletRequest request) throws IOException {
		if (files.size() >= KEPT) {
			files.clear();
		}
		byte[] bytes = request.getInputStream().readAllBytes();
		files.put(id, bytes);
		return "OK - " + bytes.length;
	}

	@GetMapping(path = "/sandbox/files/{id}", produces = MediaType.IMAGE_PNG_VALUE)
	byte[] file(@PathVariable String id) {
		byte[] bytes = files.get(id);
		if (bytes == null) {
			throw new NotFoundException("no file " + id);
		}
		return bytes;
	}

}
