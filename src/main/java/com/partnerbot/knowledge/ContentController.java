package com.partnerbot.knowledge;

import java.io.IOException;
import java.util.List;

import com.partnerbot.platform.InvalidInputException;

import lombok.RequiredArgsConstructor;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents added by upload, beside the content directory:
 * {@code curl -F file=@mdf-policy.md -F path=marketing/mdf-policy.md .../api/content}.
 */
@RestController
@RequestMapping("/api/content")
@RequiredArgsConstructor
class ContentController {

	private final ContentUploads uploads;

	/**
	 * Adds a document, or replaces the one at its path, and answers once it is indexed.
	 */
	@PostMapping(consumes = "multipart/form-data")
	@ResponseStatus(HttpStatus.CREATED)
	ReindexReport upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "path", required = false) String path) throws IOException {
		if (file == null) {
			throw new InvalidInputException("file", "send the document as the multipart part 'file'");
		}
		String target = (path != null && !path.isBlank()) ? path : file.getOriginalFilename();
		return uploads.upload(target, file.getBytes(), "api");
	}

	@GetMapping
	List<String> uploaded() {
		return uploads.paths();
	}

	@DeleteMapping("/{*path}")
	ReindexReport remove(@PathVariable String path) {
		return uploads.remove(path.startsWith("/") ? path.substring(1) : path, "api");
	}

}
