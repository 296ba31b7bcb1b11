package com.partnerbot.slack.bolt;

/**
 * A signed request whose body is not a Slack payload we can act on; answered with 400.
 */
class MalformedDeliveryException extends RuntimeException {

	MalformedDeliveryException(String message) {
		super(message);
	}

}
