package com.partnerbot.deals;

import java.time.Duration;

/**
 * A partner has checked as many customers as the program allows for now; registering
 * stays open.
 */
public class PreCheckLimitException extends RuntimeException {

	PreCheckLimitException(int limit, Duration per) {
		super("You have checked " + limit + " customers in the last " + readable(per)
				+ ". Submit the registration to have it checked, or try again later.");
	}

	private static String readable(Duration per) {
		return (per.toMinutes() % 60 == 0 && per.toHours() >= 1)
				? ((per.toHours() == 1) ? "hour" : per.toHours() + " hours") : per.toMinutes() + " minutes";
	}

}
