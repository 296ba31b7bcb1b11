package com.partnerbot.partners;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What it takes to register a partner.
 *
 * @param name company name
 * @param tier program tier
 * @param slackTeamIds Slack workspace ids of the partner's people
 * @param slackChannelIds shared channel ids that belong to the partner
 * @param channelManager the Slack user id of the vendor's channel manager who looks after
 * it (optional)
 */
public record NewPartner(
		@NotBlank(message = "is required") @Size(max = 200, message = "is longer than 200 characters") String name,
		@NotNull(message = "is required: one of Registered, Silver, Gold, Platinum") Tier tier,
		List<@NotBlank(message = "must not be blank") @Pattern(regexp = "[A-Za-z0-9_-]{1,64}",
				message = "is not a Slack team id (letters, digits, _ and -)") String> slackTeamIds,
		List<@NotBlank(message = "must not be blank") @Pattern(regexp = "[A-Za-z0-9_-]{1,64}",
				message = "is not a Slack channel id (letters, digits, _ and -)") String> slackChannelIds,
		@Pattern(regexp = "[UW][A-Z0-9_]{2,63}",
				message = "is not a Slack user id (U or W, then capitals and digits)") String channelManager) {

	public NewPartner(String name, Tier tier, List<String> slackTeamIds, List<String> slackChannelIds) {
		this(name, tier, slackTeamIds, slackChannelIds, null);
	}

	public NewPartner {
		// copies that keep nulls, so validation can name the blank entry instead of
		// failing here
		slackTeamIds = (slackTeamIds != null) ? Collections.unmodifiableList(new ArrayList<>(slackTeamIds)) : List.of();
		slackChannelIds = (slackChannelIds != null) ? Collections.unmodifiableList(new ArrayList<>(slackChannelIds))
				: List.of();
	}

}
