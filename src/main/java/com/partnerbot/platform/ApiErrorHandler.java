package com.partnerbot.platform;

import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns every failure of {@code /api/**} into an {@link ApiError} that says which field
 * is wrong and why.
 */
@RestControllerAdvice
class ApiErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ApiError> invalid(InvalidInputException ex) {
		return badRequest("the request has invalid fields", ex.errors());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ApiError> invalid(MethodArgumentNotValidException ex) {
		List<ApiError.FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> new ApiError.FieldError(e.getField(), e.getDefaultMessage()))
			.toList();
		return badRequest("the request has invalid fields", errors);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ApiError> invalid(HandlerMethodValidationException ex) {
		List<ApiError.FieldError> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(r -> r.getResolvableErrors()
				.stream()
				.map(e -> new ApiError.FieldError(r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
			.toList();
		return badRequest("the request has invalid parameters", errors);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			String field = jackson.getPath()
				.stream()
				.map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			return badRequest("the request has invalid fields",
					List.of(new ApiError.FieldError(field, reason(jackson))));
		}
		return badRequest("the body is not valid JSON" + (ex.getCause() != null ? ": " + reason(ex.getCause()) : ""),
				List.of());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException ex) {
		return badRequest("the request has invalid parameters",
				List.of(new ApiError.FieldError(ex.getName(), "is not a valid value: " + ex.getValue())));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ApiError> missing(MissingServletRequestParameterException ex) {
		return badRequest("a required parameter is missing",
				List.of(new ApiError.FieldError(ex.getParameterName(), "is required")));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException ex) {
		return status(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json", List.of());
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ApiError> conflict(ConflictException ex) {
		return status(HttpStatus.CONFLICT, ex.getMessage(),
				List.of(new ApiError.FieldError(ex.field(), ex.getMessage())));
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ApiError> notFound(NotFoundException ex) {
		return status(HttpStatus.NOT_FOUND, ex.getMessage(), List.of());
	}

	/**
	 * A value the database refuses as data (SQL state class 22: a NUL character, a number
	 * out of range, a string too long) is the caller's input, not the server's fault.
	 */
	@ExceptionHandler(org.springframework.dao.DataAccessException.class)
	ResponseEntity<ApiError> dataAccess(org.springframework.dao.DataAccessException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
					&& sql.getSQLState().startsWith("22")) {
				return badRequest("a value cannot be stored: it holds a character (such as NUL) or a size or range "
						+ "the program does not accept", List.of());
			}
		}
		throw ex;
	}

	private static String reason(Throwable ex) {
		String message = (ex instanceof JacksonException jackson) ? jackson.getOriginalMessage() : ex.getMessage();
		if (message == null) {
			return "unreadable value";
		}
		// Jackson's messages name internal classes; the first sentence is what a caller
		// needs
		int cut = message.indexOf(" at [Source");
		return (cut > 0 ? message.substring(0, cut) : message).lines().findFirst().orElse(message);
	}

	private static ResponseEntity<ApiError> badRequest(String message, List<ApiError.FieldError> errors) {
		log.debug("Bad API request: {} {}", message, errors);
		return status(HttpStatus.BAD_REQUEST, message, errors);
	}

	private static ResponseEntity<ApiError> status(HttpStatus status, String message,
			List<ApiError.FieldError> errors) {
		return ResponseEntity.status(status)
			.body(new ApiError(status.value(), status.getReasonPhrase(), message, errors));
	}

}
