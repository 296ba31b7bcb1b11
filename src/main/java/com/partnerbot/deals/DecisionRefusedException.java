package com.partnerbot.deals;

/**
 * A person tried to decide a registration they may not decide: only the vendor's staff
 * decide, and a partner with a channel manager of its own has its registrations decided
 * by that manager or a program admin.
 */
public class DecisionRefusedException extends RuntimeException {

	private final String partnerName;

	private final String channelManager;

	DecisionRefusedException(String partnerName, String channelManager) {
		super(channelManager == null ? "only the vendor's channel managers decide on registrations"
				: "registrations of " + partnerName + " are decided by their channel manager or a program admin");
		this.partnerName = partnerName;
		this.channelManager = channelManager;
	}

	/** The registering partner, when the refusal is that it has a manager of its own. */
	public String partnerName() {
		return partnerName;
	}

	/**
	 * The Slack user id of the partner's own channel manager; null when the person is not
	 * staff at all.
	 */
	public String channelManager() {
		return channelManager;
	}

}
