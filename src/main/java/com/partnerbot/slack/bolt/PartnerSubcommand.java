package com.partnerbot.slack.bolt;

import java.util.Optional;
import java.util.function.Function;

import com.slack.api.bolt.response.Response;

import com.partnerbot.partners.Requester;

/**
 * One {@code /partner <name>} subcommand, declared by the feature it belongs to as a
 * bean: its help line and its handling. The router finds it by {@link #name()} and builds
 * {@code /partner help} from every subcommand's {@link #help()}, so the list and the
 * commands cannot drift apart.
 *
 * @param help its name, place and line in {@code /partner help}, and who sees it
 * @param handling what it does; the response is Slack's acknowledgement (within 3
 * seconds): an answer at once, or an empty one with the work queued on {@link SlackWork}
 */
public record PartnerSubcommand(Help help, Handling handling) {

	/**
	 * A subcommand that acknowledges at once and answers the requester privately once the
	 * reply is made.
	 */
	public static PartnerSubcommand answering(Help help, Function<Requester, Messages.Reply> reply) {
		return new PartnerSubcommand(help, in -> in.answerLater(() -> reply.apply(in.requester())));
	}

	/** The word after {@code /partner}, in lower case. */
	public String name() {
		return help.name();
	}

	/** Its help line when the requester is one who sees it. */
	public Optional<Help> help(Requester requester) {
		return help.section().shownTo(requester) ? Optional.of(help) : Optional.empty();
	}

	public Response handle(PartnerInvocation invocation) {
		return handling.handle(invocation);
	}

	/** What a subcommand does with one invocation. */
	@FunctionalInterface
	public interface Handling {

		Response handle(PartnerInvocation invocation);

	}

	/**
	 * A subcommand's line of {@code /partner help}.
	 *
	 * @param name the word after {@code /partner}, in lower case
	 * @param order where its line goes in {@code /partner help}; lower comes first
	 * @param section who sees it
	 * @param text the line
	 */
	public record Help(String name, int order, Section section, String text) {

		public static Help forEveryone(String name, int order, String text) {
			return new Help(name, order, Section.EVERYONE, text);
		}

		public static Help forProgramTeam(String name, int order, String text) {
			return new Help(name, order, Section.PROGRAM_TEAM, text);
		}

		public static Help forAdmins(String name, int order, String text) {
			return new Help(name, order, Section.ADMIN, text);
		}

	}

	/** Who sees a help line. */
	public enum Section {

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
