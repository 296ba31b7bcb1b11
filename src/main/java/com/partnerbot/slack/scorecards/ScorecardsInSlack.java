package com.partnerbot.slack.scorecards;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.slack.api.bolt.App;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppHomeOpenedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.partnerbot.slack.people.SlackClicks;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.partners.Requester;
import com.partnerbot.partners.SlackIdentity;
import com.partnerbot.platform.ScheduledJobs;
import com.partnerbot.scorecards.Scorecard;
import com.partnerbot.scorecards.Scorecards;
import com.partnerbot.slack.bolt.CurrentDelivery;
import com.partnerbot.slack.bolt.Messages;
import com.partnerbot.slack.bolt.SlackApi;
import com.partnerbot.slack.bolt.SlackFeature;
import com.partnerbot.slack.bolt.SlackReplies;
import com.partnerbot.slack.bolt.SlackWork;
import com.partnerbot.slack.outbox.Outbound;
import com.partnerbot.slack.outbox.SlackOutbox;
import com.partnerbot.slack.people.SlackRequesters;
import com.partnerbot.slack.people.WorkspaceMembers;
import com.partnerbot.slack.deals.DealHome;
import com.partnerbot.slack.program.ProgramHome;
import com.partnerbot.slack.mdf.MdfHome;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.view.Views.view;

/**
 * Scorecards in Slack: the App Home tab, the private {@code /partner scorecard} and
 * {@code /partner training} answers, and a weekly tip to partners' people with open gaps,
 * which each of them can stop.
 */
@Component
@RequiredArgsConstructor
public class ScorecardsInSlack implements SlackFeature {

	private static final Logger log = LoggerFactory.getLogger(ScorecardsInSlack.class);

	private final Scorecards scorecards;

	private final PartnerManagement partners;

	private final SlackRequesters requesters;

	private final SlackReplies replies;

	private final SlackApi api;

	private final SlackWork work;

	private final JdbcClient jdbc;

	private final SlackOutbox outbox;

	private final ScheduledJobs jobs;

	private final Clock clock;

	private final WorkspaceMembers members;

	private final DealHome dealHome;

	private final ProgramHome programHome;

	private final MdfHome mdfHome;

	private final SlackClicks clicks;

	@Override
	public void register(App app) {
		app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
			SlackIdentity identity = requesters.identity(CurrentDelivery.require(), ctx);
			if ("home".equals(payload.getEvent().getTab())) {
				work.submit("app home", () -> publishHome(identity));
			}
			return ctx.ack();
		});
		clicks.onClick(app, ScorecardBlocks.STOP_NUDGES, "stop nudges", click -> {
			jdbc.sql("insert into slack_nudge_optout (slack_user_id) values (?) on conflict do nothing")
				.param(click.identity().userId())
				.update();
			replies.post(click.identity().channelId(), null, Messages.Reply
				.plain("Done: no more weekly tips. `/partner scorecard` still shows where you stand."));
		});
	}

	/**
	 * The private answer to {@code /partner scorecard}: only the asker's own partner's.
	 */
	public Messages.Reply scorecard(Requester requester) {
		return requester.partner().map(p -> {
			Scorecard card = forPerson(p.id(), requester.userId());
			return new Messages.Reply(ScorecardBlocks.summary(card), ScorecardBlocks.scorecard(card));
		})
			.orElseGet(() -> Messages.Reply
				.plain("A scorecard belongs to a partner: ask in the partner's shared channel."));
	}

	/** The private answer to {@code /partner training}. */
	public Messages.Reply training(Requester requester) {
		return requester.partner().map(p -> {
			Scorecard card = forPerson(p.id(), requester.userId());
			List<LayoutBlock> blocks = ScorecardBlocks.recommendations(card);
			if (blocks.isEmpty()) {
				return Messages.Reply.plain("No training to recommend: " + ScorecardBlocks.summary(card));
			}
			return new Messages.Reply("Training that closes your gaps: "
					+ String.join(", ", card.recommendations().stream().map(Scorecard.Recommendation::course).toList()),
					blocks);
		})
			.orElseGet(() -> Messages.Reply
				.plain("Training recommendations belong to a partner: ask in the partner's shared channel."));
	}

	private void publishHome(SlackIdentity identity) {
		// app_home_opened says who but not from which workspace: Slack's users.info does
		SlackIdentity known = (identity.userTeamId() != null) ? identity
				: new SlackIdentity(identity.userId(), teamOf(identity.userId()), null, identity.installedTeamId());
		Requester requester = requesters.identify(known);
		List<LayoutBlock> blocks = switch (requester) {
			case Requester.PartnerPerson person -> {
				List<LayoutBlock> home = new ArrayList<>(
						ScorecardBlocks.scorecard(forPerson(person.own().id(), person.userId())));
				home.add(divider());
				home.addAll(dealHome.partnerDeals(person.own()));
				List<LayoutBlock> mdf = mdfHome.homeSection(person);
				if (!mdf.isEmpty()) {
					home.add(divider());
					home.addAll(mdf);
				}
				yield home;
			}
			case Requester.Staff staff -> {
				List<LayoutBlock> home = new ArrayList<>(List.of(section(s -> s.text(markdownText(
						"*Partnerbot* for the program team. `/partner help` lists the commands; partners see their scorecards here.")))));
				home.addAll(dealHome.queue());
				home.addAll(programHome.homeSection());
				yield home;
			}
			case Requester.Stranger stranger -> List.of(section(s -> s.text(markdownText(Messages.REFUSAL))));
		};
		try {
			var response = api.client()
				.viewsPublish(r -> r.userId(identity.userId()).view(view(v -> v.type("home").blocks(blocks))));
			if (!response.isOk()) {
				log.warn("views.publish failed: {}", response.getError());
			}
		}
		catch (IOException | SlackApiException ex) {
			log.warn("views.publish failed", ex);
		}
	}

	/**
	 * A person's scorecard, with the training for their role and none they completed:
	 * their Slack profile's title tells the role, and its e-mail address finds the
	 * courses reported by e-mail; read until both are known.
	 */
	private Scorecard forPerson(java.util.UUID partnerId, String userId) {
		if (!partners.knowsProfile(partnerId, userId)) {
			members.lookup(userId)
				.map(WorkspaceMembers.Member::profile)
				.ifPresent(profile -> partners.recordProfile(partnerId, userId, profile));
		}
		return scorecards.forPerson(partnerId, userId);
	}

	private String teamOf(String userId) {
		return members.lookup(userId).map(WorkspaceMembers.Member::teamId).orElse(null);
	}

	/**
	 * Weekly: the tips {@link Scorecards#weeklyTips} chooses go out through the outbox,
	 * on one instance at a time.
	 */
	@Scheduled(cron = "${partnerbot.scorecards.nudge-cron:0 0 15 * * MON}")
	void nudge() {
		LocalDate today = LocalDate.now(clock);
		String period = today.get(IsoFields.WEEK_BASED_YEAR) + "-W" + today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
		jobs.runExclusively("scorecard-tips", Duration.ofMinutes(30), Duration.ofMinutes(5), () -> nudge(period));
	}

	/**
	 * The tips of one period; each person's is stored under the period, so however often
	 * this runs, a person gets one a period.
	 */
	void nudge(String period) {
		Set<String> optedOut = Set
			.copyOf(jdbc.sql("select slack_user_id from slack_nudge_optout").query(String.class).list());
		List<Outbound> tips = scorecards.weeklyTips(optedOut)
			.stream()
			.map(tip -> Outbound.toPerson("tip:" + period + ":" + tip.person(), "notice", tip.person(),
					ScorecardBlocks.nudge(tip.scorecard())))
			.toList();
		log.info("Scorecard tips of {} stored for delivery: {}", period, outbox.enqueueAll(tips));
	}

}
