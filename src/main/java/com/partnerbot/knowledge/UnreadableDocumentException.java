package com.partnerbot.knowledge;

/**
 * Thrown when a file of the content directory cannot be indexed. The message names the
 * file and says why in words its owner can act on, e.g. "deals/rules.md: the front matter
 * is not valid YAML (line 3: ...)".
 */
class UnreadableDocumentException extends Exception {

	UnreadableDocumentException(String message) {
		super(message);
	}

	UnreadableDocumentException(String message, Throwable cause) {
		super(message, cause);
	}

}
