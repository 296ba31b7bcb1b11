package com.partnerbot.platform;

import java.util.List;

/**
 * The JSON body of every failed {@code /api/**} request.
 *
 * @param status the HTTP status
 * @param error its reason phrase
 * @param message what went wrong, for a person
 * @param errors one entry per wrong field
 */
public record ApiError(int status, String error, String message, List<FieldError> errors) {

	/** A field that is wrong, and why. */
	public record FieldError(String field, String message) {
	}

}
