package com.partnerbot.slack.bolt;

import java.util.Optional;

import com.slack.api.bolt.response.Response;

import com.partnerbot.partners.Requester;

/**
 * One {@code /partner <name>} subcommand, written by the feature it belongs to. The
 * router finds it by {@link #name()} and builds {@code /partner help} from every
 * subcommand's {@link #help()}, so the list and the commands cannot drift apart.
 */
public interface PartnerSubcommand {

	/** The word after {@code /partner}, in lower case. */
	String name();

	/** Where its line goes in {@code /partner help}; lower comes first. */
	int order();

	/** Its line in {@code /partner help}, and who sees it. */
	Help help();

	/** Its help line when the requester is one who sees it. */
	default Optional<Help> help(Requester requester) {
		Help help = help();
		return help.section().shownTo(requester) ? Optional.of(help) : Optional.empty();
	}

	/**
	 * Handles the command; the response is Slack's acknowledgement (within 3 seconds): an
	 * answer at once, or an empty one with the work queued on {@link SlackWork}.
	 */
	Response handle(PartnerInvocation invocation);

	/** A line of {@code /partner help}. */
	record Help(Section section, String text) {

		public static Help forEveryone(String text) {
			return new Help(Section.EVERYONE, text);
		}

		public static Help forProgramTeam(String text) {
			return new Help(Section.PROGRAM_TEAM, text);
		}

		public static Help forAdmins(String text) {
			return new Help(Section.ADMIN, text);
		}

	}

	/** Who sees a help line. */
	enum Section {

		/** Every requester the bot helps: partners and staff. */
		EVERYONE,
		/** Staff of the vendor's partner program. */
		PROGRAM_TEAM,
		/** Staff who administer the program. */
		ADMIN;

		boolean shownTo(Requester requester) {
			return switch (this) {
				case EVERYONE -> !(requester instanceof Requester.Stranger);
				case PROGRAM_TEAM -> requester instanceof Requester.Staff;
				case ADMIN -> requester instanceof Requester.Staff staff && staff.admin();
			};
		}

	}

}
