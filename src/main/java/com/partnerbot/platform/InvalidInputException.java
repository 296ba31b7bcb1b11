package com.partnerbot.platform;

import java.util.List;

/**
 * Thrown by a module when input breaks one of its rules; {@code /api/**} answers it with
 * 400 and the fields named here.
 */
public class InvalidInputException extends RuntimeException {

	private final List<ApiError.FieldError> errors;

	public InvalidInputException(String field, String message) {
		this(List.of(new ApiError.FieldError(field, message)));
	}

	public InvalidInputException(List<ApiError.FieldError> errors) {
		super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		this.errors = List.copyOf(errors);
	}

	public List<ApiError.FieldError> errors() {
		return errors;
	}

}
