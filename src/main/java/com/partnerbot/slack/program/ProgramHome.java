package com.partnerbot.slack.program;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.slack.api.bolt.App;
import com.slack.api.model.block.ImageBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.SlackFileObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.slack.people.SlackClicks;
import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.partners.Requester;
import com.partnerbot.program.HealthChecks;
import com.partnerbot.program.HealthSignal;
import com.partnerbot.program.PartnerHealth;
import com.partnerbot.program.PartnerMetrics;
import com.partnerbot.program.ProgramAnalytics;
import com.partnerbot.program.ProgramCharts;
import com.partnerbot.program.ProgramSummary;
import com.partnerbot.slack.bolt.Messages;
import com.partnerbot.slack.bolt.SlackApi;
import com.partnerbot.slack.bolt.SlackFeature;
import com.partnerbot.slack.bolt.SlackPayloads;
import com.partnerbot.slack.people.SlackRequesters;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The program at a glance for staff: a section of their App Home and the private answer
 * to {@code /partner program}, with the charts uploaded to Slack and each partner a click
 * away (a modal with its health and figures). Partners are refused it.
 */
@Component
@RequiredArgsConstructor
public class ProgramHome implements SlackFeature {

	static final String OPEN_PARTNER = "program_partner";

	private static final Logger log = LoggerFactory.getLogger(ProgramHome.class);

	static final int PARTNERS_LISTED = 10;

	// "which partners are at risk?", "how is Acme doing?", "program overview"
	private static final Pattern QUESTION = Pattern.compile(
			"\\b(at[- ]risk|health|healthy|unhealthy|struggling|churn(ing)?|needs? attention|glance|overview"
					+ "|which partners|(how|what)('s| is| are)\\b.{0,60}\\bdoing)\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	// what a question naming a partner asks about it ("how is onboarding going for
	// Hooli?", "show Acme's deals"), rather than the library ("what discount does Acme
	// get?")
	private static final Pattern ABOUT_A_PARTNER = Pattern.compile(
			"\\b(onboard(ing|ed)?|deals?|pipeline|revenue"
					+ "|doing|status|progress|standing|scorecard|activity|engag(ed|ement)|going)\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern PROPER_NOUN = Pattern.compile("\\b\\p{Lu}[\\p{L}\\p{N}&.-]*");

	private final ProgramAnalytics analytics;

	private final ProgramCharts charts;

	private final ChartUploads uploads;

	private final HealthChecks health;

	private final SlackRequesters requesters;

	private final SlackApi api;

	private final SlackClicks clicks;

	private final PartnerManagement partners;

	@Override
	public void register(App app) {
		clicks.onClick(app, OPEN_PARTNER, "program partner", click -> {
			if (requesters.identify(click.identity()) instanceof Requester.Staff) {
				openPartner(click.triggerId(), click.value());
			}
			else {
				log.info("{} is not staff: no partner view", click.identity().userId());
			}
		});
	}

	/** The private answer to {@code /partner program}: staff only. */
	public Messages.Reply command(Requester requester) {
		if (!(requester instanceof Requester.Staff)) {
			return Messages.Reply.plain("The program view is for the vendor's program team.");
		}
		return glanceReply(analytics.summary());
	}

	private Messages.Reply glanceReply(ProgramSummary summary) {
		return new Messages.Reply(glance(summary), blocks(summary));
	}

	/**
	 * Whether a staff member asks about the program or a partner's health in plain words
	 * ("which partners are at risk?", "how is Acme doing?").
	 */
	public boolean asked(Requester requester, String text) {
		return requester instanceof Requester.Staff
				&& (QUESTION.matcher(text).find() || (ABOUT_A_PARTNER.matcher(text).find()
						&& named(partners.all(), Partner::name, properNouns(text)).isPresent()));
	}

	/**
	 * The words written with a capital: a partner named in passing is a proper noun
	 * ("Hooli"), where a word of the question that happens to begin a partner's name
	 * ("which deals are waiting", and a partner called Waiting Ltd) is not.
	 */
	private static String properNouns(String text) {
		return PROPER_NOUN.matcher(text).results().map(MatchResult::group).collect(Collectors.joining(" "));
	}

	/**
	 * The answer to such a question, for a direct message: the partner it names, or the
	 * program at a glance.
	 */
	public Messages.Reply answer(Requester requester, String text) {
		if (!(requester instanceof Requester.Staff)) {
			return command(requester);
		}
		// one reading of the program, whichever way the answer goes
		ProgramSummary summary = analytics.summary();
		return named(summary.partnerMetrics(), PartnerMetrics::name, text)
			.map(m -> new Messages.Reply(partnerLine(m), partnerBlocks(m)))
			.orElseGet(() -> glanceReply(summary));
	}

	/**
	 * The partner a question names: by its whole name (the longest such wins), else by
	 * the first word of its name when that word is four letters or more and no other
	 * partner's name starts with it ("Acme" for Acme Resellers).
	 */
	static <T> Optional<T> named(List<T> partners, Function<T, String> name, String text) {
		String words = " " + plain(text) + " ";
		Optional<T> whole = partners.stream()
			.filter(m -> words.contains(" " + plain(name.apply(m)) + " "))
			.max(Comparator.comparingInt(m -> name.apply(m).length()));
		if (whole.isPresent()) {
			return whole;
		}
		List<T> byFirstWord = partners.stream().filter(m -> {
			String first = plain(name.apply(m)).split(" ")[0];
			return first.length() >= 4 && words.contains(" " + first + " ");
		}).toList();
		return (byFirstWord.size() == 1) ? Optional.of(byFirstWord.get(0)) : Optional.empty();
	}

	private static String plain(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	/** The staff App Home's section. */
	public List<LayoutBlock> homeSection() {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(divider());
		blocks.addAll(blocks(analytics.summary()));
		return blocks;
	}

	private List<LayoutBlock> blocks(ProgramSummary summary) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(header(h -> h.text(plainText("The program at a glance"))));
		blocks.add(section(s -> s.text(markdownText(glance(summary)))));
		charts.render(summary)
			.forEach((name, png) -> uploads.upload(name, ProgramCharts.title(name), png)
				.ifPresent(id -> blocks.add(ImageBlock.builder()
					.slackFile(SlackFileObject.builder().id(id).build())
					.altText(ProgramCharts.title(name))
					.title(plainText(ProgramCharts.title(name)))
					.build())));
		blocks.add(section(s -> s.text(markdownText("*Partners, least healthy first*"))));
		summary.partnerMetrics()
			.stream()
			.sorted(Comparator.comparingInt(PartnerMetrics::health))
			.limit(PARTNERS_LISTED)
			.forEach(m -> blocks.add(section(s -> s.text(markdownText(partnerLine(m)))
				.accessory(button(
						b -> b.actionId(OPEN_PARTNER).text(plainText("Open")).value(m.partnerId().toString()))))));
		if (summary.partnerMetrics().size() > PARTNERS_LISTED) {
			int more = summary.partnerMetrics().size() - PARTNERS_LISTED;
			blocks.add(context(c -> c.elements(
					List.of(markdownText("and " + more + " more: every partner in `GET /api/program/partners.csv`")))));
		}
		return blocks;
	}

	static String glance(ProgramSummary summary) {
		List<String> lines = new ArrayList<>();
		lines.add("*" + summary.partners() + " partners*: " + counts(summary.partnersByTier()) + ". Health: "
				+ counts(summary.partnersByHealth()).toLowerCase(Locale.ROOT).replace("_", " ") + ".");
		lines.add("*Pipeline* " + money(summary.pipeline(), summary.currency()) + " · *Won this year* "
				+ money(summary.wonRevenue(), summary.currency()) + " (sourced "
				+ money(summary.sourcedRevenue(), summary.currency()) + ", influenced "
				+ money(summary.influencedRevenue(), summary.currency()) + ") · *Win rate* "
				+ ((summary.winRate() == null) ? "none decided yet" : Math.round(summary.winRate() * 100) + "%"));
		lines.add("*PSAT* " + ((summary.psat() == null) ? "too few answers" : String.format("%.1f", summary.psat()))
				+ " · *NPS* " + ((summary.nps() == null) ? "too few answers" : Math.round(summary.nps())));
		lines.add("*Onboarding*: " + String.join(" → ",
				summary.onboarding().stream().map(f -> f.label() + " " + f.done() + "/" + f.journeys()).toList()));
		if (summary.mdf() != null) {
			lines.add("*MDF* allocated " + money(summary.mdf().allocated(), summary.currency()) + ", unspent "
					+ money(summary.mdf().unspent(), summary.currency()) + " · *ROPI* "
					+ ((summary.mdf().ropi() == null) ? "no payment yet"
							: String.format("%.1f×", summary.mdf().ropi())));
		}
		return String.join("\n", lines);
	}

	private static String partnerLine(PartnerMetrics m) {
		String mark = switch (m.status()) {
			case HEALTHY -> ":large_green_circle:";
			case WATCH -> ":large_yellow_circle:";
			case AT_RISK -> ":red_circle:";
		};
		return mark + " *" + Messages.escape(m.name()) + "* (" + m.tier() + ") health " + m.health() + "/100";
	}

	private void openPartner(String trigger, String value) {
		Optional<UUID> id = SlackPayloads.uuid(value);
		if (id.isEmpty()) {
			return;
		}
		PartnerMetrics metrics = analytics.metrics(id.get());
		List<LayoutBlock> blocks = partnerBlocks(metrics);
		api.openView(trigger,
				view(v -> v.type("modal")
					.title(viewTitle(t -> t.type("plain_text").text(Messages.truncate(metrics.name(), 24))))
					.close(viewClose(c -> c.type("plain_text").text("Close")))
					.blocks(blocks)));
	}

	/** A partner's figures and each health signal with its reason. */
	private List<LayoutBlock> partnerBlocks(PartnerMetrics metrics) {
		PartnerHealth reading = health.health(metrics.partnerId());
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(section(s -> s.text(markdownText(partnerLine(metrics) + "\nPipeline " + money(metrics.pipeline(), "")
				+ " · won " + money(metrics.wonRevenue(), "") + " · days to first deal "
				+ dash(metrics.daysToFirstDeal()) + " · to first revenue " + dash(metrics.daysToFirstRevenue())))));
		blocks.add(divider());
		for (HealthSignal signal : reading.signals()) {
			blocks.add(section(s -> s.text(markdownText((signal.concern() ? ":warning: " : "• ") + "*" + signal.name()
					+ "* (weight " + Math.round(signal.weight()) + "): " + Messages.escape(signal.reason())))));
		}
		return blocks;
	}

	private static String counts(Map<String, Long> counts) {
		return String.join(", ", counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList());
	}

	private static String money(BigDecimal amount, String currency) {
		BigDecimal thousands = amount.divide(BigDecimal.valueOf(1000), 0, RoundingMode.HALF_UP);
		return (thousands.signum() == 0 ? amount.setScale(0, RoundingMode.HALF_UP) + "" : thousands + "k")
				+ (currency.isEmpty() ? "" : " " + currency);
	}

	private static String dash(Long days) {
		return (days == null) ? "–" : days.toString();
	}

}
