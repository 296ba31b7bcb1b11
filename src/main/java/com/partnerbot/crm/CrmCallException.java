package com.partnerbot.crm;

import java.time.Duration;

/**
 * A call to the CRM that did not work.
 */
class CrmCallException extends RuntimeException {

	/** What the caller should do about it. */
	enum Kind {

		/** A 5xx, a timeout, a dropped connection: try again later. */
		TRANSIENT,
		/** 429: wait {@link #retryAfter} and try again; not the record's fault. */
		RATE_LIMITED,
		/** The daily API allowance is used up: pause until it refills. */
		DAILY_LIMIT,
		/**
		 * Credentials refused even after a fresh token: try again later, people must
		 * look.
		 */
		AUTH,
		/**
		 * The CRM refused the request itself (400, 404, ...): trying again will not help.
		 */
		PERMANENT

	}

	private final Kind kind;

	private final Duration retryAfter;

	CrmCallException(Kind kind, String message, Duration retryAfter) {
		super(message);
		this.kind = kind;
		this.retryAfter = retryAfter;
	}

	CrmCallException(Kind kind, String message) {
		this(kind, message, null);
	}

	Kind kind() {
		return kind;
	}

	/** How long the CRM asked to wait, or null. */
	Duration retryAfter() {
		return retryAfter;
	}

	boolean retryable() {
		return kind != Kind.PERMANENT;
	}

}
