package com.partnerbot.platform;

/**
 * Thrown when a request is well formed but clashes with what is stored; answered with
 * 409.
 */
public class ConflictException extends RuntimeException {

	private final String field;

	public ConflictException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
