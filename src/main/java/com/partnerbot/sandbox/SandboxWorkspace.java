package com.partnerbot.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.platform.LocalMode;

import lombok.RequiredArgsConstructor;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The sandbox's Slack workspace, in memory: its people (of two demo partners and of the
 * vendor), its channels, every message, ephemeral message, modal and App Home, and the
 * feed the page follows, in order.
 */
@Component
@Conditional(LocalMode.class)
@RequiredArgsConstructor
class SandboxWorkspace {

	static final String VENDOR_TEAM = "T0VENDOR01";

	static final String BOT_USER = "U0PARTNERBOT";

	static final String BOT_ID = "B0PARTNERBOT";

	static final String ALERTS_CHANNEL = "C0ALERTS01";

	static final String MANAGER = "U0VENDOR01";

	static final String ADMIN = "U0VENDOR02";

	/** A person of the sandbox. */
	record Person(String id, String name, String title, String email, String teamId, String teamName, String kind) {

		String dmChannel() {
			return "D" + id.substring(1);
		}

	}

	/** A channel and who is in it. */
	record Channel(String id, String name, String kind, String topic, List<String> members) {
	}

	private static final List<Person> PEOPLE = List.of(
			new Person("U0ACME0001", "Dana Whitfield", "Account executive, Acme Resellers", "dana@acme.example",
					"T0ACME", "Acme Resellers", "partner"),
			new Person("U0ACME0002", "Sam Ortega", "Solutions engineer, Acme Resellers", "sam@acme.example", "T0ACME",
					"Acme Resellers", "partner"),
			new Person("U0GLOBEX01", "Grace Kim", "Alliance manager, Globex Systems", "grace@globex.example",
					"T0GLOBEX", "Globex Systems", "partner"),
			new Person(MANAGER, "Maria Lopez", "Channel manager, Vendor Inc.", "maria@vendor.example", VENDOR_TEAM,
					"Vendor Inc.", "manager"),
			new Person(ADMIN, "Alex Chen", "Partner program admin, Vendor Inc.", "alex@vendor.example", VENDOR_TEAM,
					"Vendor Inc.", "admin"));

	private final JsonMapper json;

	private final PartnerManagement partners;

	private final AtomicLong seq = new AtomicLong();

	private final AtomicLong clock = new AtomicLong(Instant.now().getEpochSecond() * 1_000_000);

	private final List<ObjectNode> feed = new ArrayList<>();

	/** Messages by channel, in order. */
	private final Map<String, List<ObjectNode>> messages = new LinkedHashMap<>();

	private final Map<String, ObjectNode> views = new LinkedHashMap<>();

	private final Map<String, String> viewOwners = new LinkedHashMap<>();

	private record Trigger(String user, long issued) {
	}

	private static final long TRIGGER_LIFETIME = java.time.Duration.ofSeconds(3).toNanos();

	private final Map<String, Trigger> triggers = new LinkedHashMap<>();

	List<Person> people() {
		return PEOPLE;
	}

	Optional<Person> person(String id) {
		return PEOPLE.stream().filter(p -> p.id().equals(id)).findFirst();
	}

	/** The demo partners' shared channels and the channel managers' channel. */
	List<Channel> channels() {
		List<Channel> channels = new ArrayList<>();
		for (Partner partner : partners.all()) {
			partner.slackChannelIds().forEach(channel -> channels.add(shared(partner, channel)));
		}
		channels.add(alerts());
		return channels;
	}

	/** A channel of the workspace; a partner's is looked up by its id alone. */
	Optional<Channel> channel(String id) {
		if (ALERTS_CHANNEL.equals(id)) {
			return Optional.of(alerts());
		}
		return partners.channelOwner(id).map(partner -> shared(partner, id));
	}

	private static Channel shared(Partner partner, String channel) {
		List<String> members = new ArrayList<>(staff());
		PEOPLE.stream().filter(p -> partner.slackTeamIds().contains(p.teamId())).forEach(p -> members.add(p.id()));
		String name = partner.name().toLowerCase(java.util.Locale.ROOT).split("\\s+")[0] + "-partnerbot";
		return new Channel(channel, name, "shared", "Shared with " + partner.name(), members);
	}

	private static Channel alerts() {
		return new Channel(ALERTS_CHANNEL, "partner-alerts", "alerts",
				"Channel managers: deal conflicts, low scores, questions", staff());
	}

	private static List<String> staff() {
		return PEOPLE.stream().filter(p -> p.teamId().equals(VENDOR_TEAM)).map(Person::id).toList();
	}

	/** The direct message channel of a person with the bot. */
	Optional<Person> dmOwner(String channel) {
		return PEOPLE.stream().filter(p -> p.dmChannel().equals(channel)).findFirst();
	}

	/** Whether this person may see this channel. */
	boolean canSee(String user, String channel) {
		return dmOwner(channel).map(p -> p.id().equals(user))
			.orElseGet(() -> channel(channel).map(c -> c.members().contains(user)).orElse(false));
	}

	synchronized String nextTs() {
		long value = clock.updateAndGet(v -> Math.max(v + 1, Instant.now().getEpochSecond() * 1_000_000));
		return (value / 1_000_000) + "." + String.format("%06d", value % 1_000_000);
	}

	/** A trigger id, valid for one modal within three seconds (as Slack's). */
	synchronized String trigger(String user) {
		long now = System.nanoTime();
		triggers.values().removeIf(t -> now - t.issued() > TRIGGER_LIFETIME);
		String trigger = seq.get() + "." + now + ".sandbox";
		triggers.put(trigger, new Trigger(user, now));
		return trigger;
	}

	synchronized Optional<String> useTrigger(String trigger) {
		Trigger found = triggers.remove(String.valueOf(trigger));
		return (found == null || System.nanoTime() - found.issued() > TRIGGER_LIFETIME) ? Optional.empty()
				: Optional.of(found.user());
	}

	/** Adds a message to its channel and the feed. */
	synchronized ObjectNode addMessage(String channel, ObjectNode message) {
		messages.computeIfAbsent(channel, c -> new ArrayList<>()).add(message);
		publish(feedMessage(channel, message));
		return message;
	}

	synchronized Optional<ObjectNode> message(String channel, String ts) {
		return messages.getOrDefault(channel, List.of())
			.stream()
			.filter(m -> m.path("ts").asString().equals(ts))
			.findFirst();
	}

	synchronized boolean replaceMessage(String channel, String ts, String text, JsonNode blocks) {
		Optional<ObjectNode> found = message(channel, ts);
		found.ifPresent(m -> {
			m.put("text", text);
			if (blocks == null) {
				m.remove("blocks");
			}
			else {
				m.set("blocks", blocks);
			}
			publish(feedMessage(channel, m).put("edited", true));
		});
		return found.isPresent();
	}

	synchronized boolean deleteMessage(String channel, String ts) {
		boolean removed = messages.getOrDefault(channel, new ArrayList<>())
			.removeIf(m -> m.path("ts").asString().equals(ts));
		if (removed) {
			ObjectNode entry = json.createObjectNode().put("type", "delete").put("channel", channel).put("ts", ts);
			publish(entry);
		}
		return removed;
	}

	/** The channel's messages, newest first, as conversations.history gives them. */
	synchronized List<ObjectNode> history(String channel, String thread) {
		List<ObjectNode> all = new ArrayList<>(messages.getOrDefault(channel, List.of()));
		List<ObjectNode> chosen = all.stream()
			.filter(m -> (thread == null) ? (!m.has("thread_ts") || m.path("thread_ts").equals(m.path("ts")))
					: (m.path("ts").asString().equals(thread) || m.path("thread_ts").asString().equals(thread)))
			.toList();
		List<ObjectNode> ordered = new ArrayList<>(chosen);
		if (thread == null) {
			java.util.Collections.reverse(ordered);
		}
		return ordered;
	}

	synchronized void addEphemeral(String channel, String user, String threadTs, String text, JsonNode blocks) {
		ObjectNode entry = json.createObjectNode()
			.put("type", "ephemeral")
			.put("channel", channel)
			.put("ts", nextTs())
			.put("threadTs", threadTs)
			.put("forUser", user)
			.put("text", text);
		entry.set("blocks", blocks);
		publish(entry);
	}

	/** Opens or replaces a modal for its person. */
	synchronized ObjectNode showView(String user, String viewId, ObjectNode view, ObjectNode errors) {
		String id = (viewId != null) ? viewId : "V" + seq.get() + Long.toString(System.nanoTime() % 100000, 36);
		view.put("id", id);
		view.put("team_id", VENDOR_TEAM);
		view.put("app_installed_team_id", VENDOR_TEAM);
		view.put("hash", Long.toString(System.nanoTime(), 36));
		if (!view.has("state")) {
			view.putObject("state").putObject("values");
		}
		views.put(id, view);
		viewOwners.put(id, user);
		ObjectNode entry = json.createObjectNode()
			.put("type", "view")
			.put("viewId", id)
			.put("forUser", user)
			.put("state", "open");
		entry.set("view", view);
		entry.set("errors", errors);
		publish(entry);
		return view;
	}

	synchronized Optional<ObjectNode> view(String viewId) {
		return Optional.ofNullable(views.get(viewId));
	}

	synchronized Optional<String> viewOwner(String viewId) {
		return Optional.ofNullable(viewOwners.get(viewId));
	}

	synchronized void closeView(String viewId) {
		ObjectNode view = views.remove(viewId);
		String user = viewOwners.remove(viewId);
		if (view != null) {
			publish(json.createObjectNode()
				.put("type", "view")
				.put("viewId", viewId)
				.put("forUser", user)
				.put("state", "closed"));
		}
	}

	synchronized void closeViewsOf(String user) {
		new ArrayList<>(viewOwners.entrySet()).stream()
			.filter(e -> e.getValue().equals(user))
			.forEach(e -> closeView(e.getKey()));
	}

	synchronized ObjectNode publishHome(String user, ObjectNode view) {
		view.put("id", "VHOME" + user);
		view.put("team_id", VENDOR_TEAM);
		ObjectNode entry = json.createObjectNode().put("type", "home").put("forUser", user);
		entry.set("view", view);
		publish(entry);
		return view;
	}

	/** The line under a thread that says the bot is working on it; empty clears it. */
	synchronized void setStatus(String channel, String threadTs, String status) {
		publish(json.createObjectNode()
			.put("type", "status")
			.put("channel", channel)
			.put("threadTs", threadTs)
			.put("text", status));
	}

	/** Records a Web API call the bot made, for the page's log. */
	synchronized void apiCall(String method, boolean ok, String error, String channel) {
		publish(json.createObjectNode()
			.put("type", "api")
			.put("method", method)
			.put("ok", ok)
			.put("error", error)
			.put("channel", channel)
			.put("at", Instant.now().toString()));
	}

	/** The feed after a sequence number. */
	synchronized ObjectNode feed(long after) {
		ObjectNode result = json.createObjectNode().put("seq", seq.get());
		ArrayNode entries = result.putArray("entries");
		feed.stream().filter(e -> e.path("seq").asLong() > after).forEach(entries::add);
		return result;
	}

	private ObjectNode feedMessage(String channel, ObjectNode message) {
		ObjectNode entry = json.createObjectNode()
			.put("type", "message")
			.put("channel", channel)
			.put("ts", message.path("ts").asString())
			.put("threadTs", message.has("thread_ts") ? message.path("thread_ts").asString() : null)
			.put("user", message.has("bot_id") ? BOT_USER : message.path("user").asString())
			.put("bot", message.has("bot_id"))
			.put("text", message.path("text").asString())
			.put("edited", false);
		entry.set("blocks", message.get("blocks"));
		return entry;
	}

	private void publish(ObjectNode entry) {
		entry.put("seq", seq.incrementAndGet());
		feed.add(entry);
		if (feed.size() > 20_000) {
			feed.subList(0, 5_000).clear();
		}
	}

}
