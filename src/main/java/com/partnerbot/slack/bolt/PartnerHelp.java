package com.partnerbot.slack.bolt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;

import com.partnerbot.partners.Requester;

import lombok.RequiredArgsConstructor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * {@code /partner help}: the lines of the subcommands the requester sees, in their order;
 * everyone's as a list, the program team's and the admins' each on one line.
 */
@Component
@RequiredArgsConstructor
public class PartnerHelp implements PartnerSubcommand {

	// looked up when help is asked for: subcommands (answers among them) use this one
	private final ObjectProvider<PartnerSubcommand> subcommands;

	@Override
	public String name() {
		return "help";
	}

	@Override
	public int order() {
		return 900;
	}

	@Override
	public Help help() {
		return Help.forEveryone("`/partner help`: this list");
	}

	@Override
	public Response handle(PartnerInvocation invocation) {
		return invocation.answer(reply(invocation.requester()));
	}

	/** The subcommands, in their help order. */
	public List<PartnerSubcommand> all() {
		// Spring leaves a bean out of its own injection points: this one is added here
		return Stream.concat(Stream.of(this), subcommands.stream())
			.distinct()
			.sorted(Comparator.comparingInt(PartnerSubcommand::order))
			.toList();
	}

	public Messages.Reply reply(Requester requester) {
		List<Help> shown = all().stream().map(s -> s.help(requester)).flatMap(Optional::stream).toList();
		List<String> lines = new ArrayList<>(List.of("*Here is what I can do:*"));
		shown.stream().filter(h -> h.section() == Section.EVERYONE).forEach(h -> lines.add("• " + h.text()));
		line(lines, "*Program team:* ", shown, Section.PROGRAM_TEAM);
		line(lines, "*Admin:* ", shown, Section.ADMIN);
		String text = String.join("\n", lines);
		List<LayoutBlock> blocks = List.of(section(s -> s.text(markdownText(text))),
				context(c -> c.elements(List.of(markdownText("In a thread with me, follow-ups need no mention.")))));
		return new Messages.Reply(text, blocks);
	}

	private static void line(List<String> lines, String title, List<Help> shown, Section section) {
		List<String> texts = shown.stream().filter(h -> h.section() == section).map(Help::text).toList();
		if (!texts.isEmpty()) {
			lines.add(title + String.join("; ", texts));
		}
	}

}
