package com.partnerbot.slack.bolt;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Slack credentials and endpoints ({@code SLACK_*}).
 *
 * @param signingSecret verifies every request to {@code /slack/events}
 * @param botToken the {@code xoxb-} token for Web API calls
 * @param appToken the {@code xapp-} token; set, the bot connects with Socket Mode
 * @param apiUrl base URL of the Web API, ending in {@code /}
 * @param maxBodyBytes the largest request body accepted
 * @param maxClockSkewSeconds how old a signed request may be
 * @param workThreads how many tasks of the work after acknowledgements (answering,
 * posting) compute at once; each runs on a virtual thread and gives its slot up while it
 * waits on the LLM or Slack, so this bounds the CPU, not how many answers are under way.
 * 0 means one less than the cores, so that acknowledgements always have a core: answering
 * is CPU-bound (embedding the question) and, unbounded, starved them (docs/benchmarks.md)
 * @param callTimeout how long a Web API call may take before it counts as failed
 * @param work how much work may wait after acknowledgements
 */
@ConfigurationProperties("slack")
public record SlackProperties(String signingSecret, String botToken, String appToken,
		@DefaultValue("https://slack.com/api/") URI apiUrl, @DefaultValue("1048576") int maxBodyBytes,
		@DefaultValue("300") long maxClockSkewSeconds, @DefaultValue("0") int workThreads,
		@DefaultValue("10s") Duration callTimeout, @DefaultValue Work work) {

	public SlackProperties {
		if (!apiUrl.toString().endsWith("/")) {
			apiUrl = URI.create(apiUrl + "/");
		}
	}

	int effectiveWorkThreads() {
		return (workThreads > 0) ? workThreads : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
	}

	/**
	 * Limits of the work queue.
	 *
	 * @param queue everything waiting, at most (and, apart, the acknowledged deliveries
	 * waiting to be claimed and routed)
	 * @param routingThreads threads that claim and route acknowledged deliveries, each
	 * channel's one at a time in order, channels side by side
	 * @param perPerson questions one person may have waiting or running
	 * @param perWorkspace questions one Slack workspace (a partner's people) may have
	 * waiting or running
	 * @param pausedNotice how often a person is told to wait a moment, at most
	 */
	public record Work(@DefaultValue("1000") int queue, @DefaultValue("4") int routingThreads,
			@DefaultValue("3") int perPerson, @DefaultValue("30") int perWorkspace,
			@DefaultValue("30s") Duration pausedNotice) {
	}

	boolean socketMode() {
		return StringUtils.hasText(appToken);
	}

}
