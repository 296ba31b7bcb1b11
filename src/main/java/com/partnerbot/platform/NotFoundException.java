package com.partnerbot.platform;

/**
 * Thrown when an id names nothing the caller may see; answered with 404.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
