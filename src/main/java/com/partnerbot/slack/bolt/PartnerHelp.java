package com.partnerbot.slack.bolt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.slack.api.model.block.LayoutBlock;

import com.partnerbot.partners.Requester;

import com.partnerbot.slack.bolt.PartnerSubcommand.Help;
import com.partnerbot.slack.bolt.PartnerSubcommand.Section;

import lombok.RequiredArgsConstructor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * {@code /partner help}: the lines of the subcommands the requester sees, in their order;
 * everyone's as a list, the program team's and the admins' each on one line.
 */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor
public class PartnerHelp {

	// looked up when help is asked for: subcommands (help and answers among them) use
	// this
	private final ObjectProvider<PartnerSubcommand> subcommands;

	// static: Spring leaves the beans a configuration makes out of its own injection
	// points
	@Bean
	static PartnerSubcommand helpCommand(PartnerHelp help) {
		return new PartnerSubcommand(Help.forEveryone("help", 900, "`/partner help`: this list"),
				in -> in.answer(help.reply(in.requester())));
	}

	/** The subcommands, in their help order. */
	public List<PartnerSubcommand> all() {
		return subcommands.orderedStream().sorted(Comparator.comparingInt(s -> s.help().order())).toList();
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
