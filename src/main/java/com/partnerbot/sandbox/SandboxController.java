package com.partnerbot.sandbox;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import com.partnerbot.platform.LocalMode;

import lombok.RequiredArgsConstructor;

import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page's side of the sandbox: who is who, the feed of everything the bot did, and the
 * page's actions, each turned into the payload Slack would send and posted, signed, to
 * {@code /slack/events}. Web security keeps it to this machine.
 */
@RestController
@Conditional(LocalMode.class)
@RequiredArgsConstructor
class SandboxController {

	private static final Pattern MENTION = Pattern.compile("(?i)@partnerbot\\b");

	private static final Map<String, MediaType> ASSETS = Map.of("sandbox.js",
			MediaType.parseMediaType("text/javascript;charset=UTF-8"), "sandbox.css",
			MediaType.parseMediaType("text/css;charset=UTF-8"));

	private final SandboxWorkspace workspace;

	private final SignedDeliveries deliveries;

	private final JsonMapper json;

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<byte[]> page() throws IOException {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
			.body(new ClassPathResource("sandbox/index.html").getContentAsByteArray());
	}

	@GetMapping("/sandbox/assets/{name}")
	ResponseEntity<byte[]> asset(@PathVariable String name) throws IOException {
		MediaType type = ASSETS.get(name);
		if (type == null) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.contentType(type)
			.body(new ClassPathResource("sandbox/" + name).getContentAsByteArray());
	}

	@GetMapping("/sandbox/session")
	ObjectNode session() {
		ObjectNode session = json.createObjectNode();
		session.putObject("workspace").put("id", SandboxWorkspace.VENDOR_TEAM).put("name", "Vendor Inc.");
		session.putObject("bot").put("id", SandboxWorkspace.BOT_USER).put("name", "Partnerbot");
		ArrayNode users = session.putArray("users");
		for (SandboxWorkspace.Person person : workspace.people()) {
			users.addObject()
				.put("id", person.id())
				.put("name", person.name())
				.put("title", person.title())
				.put("teamId", person.teamId())
				.put("teamName", person.teamName())
				.put("kind", person.kind())
				.put("dmChannel", person.dmChannel());
		}
		ArrayNode channels = session.putArray("channels");
		for (SandboxWorkspace.Channel channel : workspace.channels()) {
			ObjectNode node = channels.addObject()
				.put("id", channel.id())
				.put("name", channel.name())
				.put("kind", channel.kind())
				.put("topic", channel.topic());
			ArrayNode visible = node.putArray("visibleTo");
			channel.members().forEach(visible::add);
		}
		return session;
	}

	@GetMapping("/sandbox/feed")
	ObjectNode feed(@RequestParam(defaultValue = "0") long after) {
		return workspace.feed(after);
	}

	record Send(String user, String channel, String text, String threadTs) {
	}

	/** The composer: a message, a mention, or a slash command. */
	@PostMapping("/sandbox/send")
	ObjectNode send(@RequestBody Send send) {
		SandboxWorkspace.Person person = person(send.user());
		String text = (send.text() == null) ? "" : send.text().strip();
		if (text.isEmpty()) {
			return failure("Write something first.");
		}
		if (!workspace.canSee(person.id(), send.channel())) {
			return failure(person.name() + " is not in this channel.");
		}
		if (text.startsWith("/")) {
			return command(person, send.channel(), text);
		}
		String threadTs = blankToNull(send.threadTs());
		Matcher mention = MENTION.matcher(text);
		String slackText = mention.replaceAll("<@" + SandboxWorkspace.BOT_USER + ">");
		String ts = workspace.nextTs();
		ObjectNode message = json.createObjectNode()
			.put("type", "message")
			.put("user", person.id())
			.put("team", person.teamId())
			.put("user_team", person.teamId())
			.put("source_team", person.teamId())
			.put("text", slackText)
			.put("ts", ts);
		if (threadTs != null) {
			message.put("thread_ts", threadTs);
		}
		workspace.addMessage(send.channel(), message);
		boolean direct = workspace.dmOwner(send.channel()).isPresent();
		if (!direct && slackText.contains("<@" + SandboxWorkspace.BOT_USER + ">")) {
			ObjectNode event = message.deepCopy().put("type", "app_mention").put("channel", send.channel());
			event.put("event_ts", ts);
			result(deliveries.event(event));
		}
		ObjectNode event = message.deepCopy()
			.put("channel", send.channel())
			.put("channel_type", direct ? "im" : "channel")
			.put("event_ts", ts);
		return result(deliveries.event(event));
	}

	private ObjectNode command(SandboxWorkspace.Person person, String channel, String text) {
		String[] words = text.split("\\s+", 2);
		if (!words[0].equals("/partner")) {
			return failure(words[0] + " is not a command here; the sandbox's app has /partner.");
		}
		Map<String, String> form = new LinkedHashMap<>();
		form.put("token", "sandbox");
		form.put("team_id", person.teamId());
		form.put("team_domain", person.teamName().toLowerCase(java.util.Locale.ROOT).replaceAll("\\W+", "-"));
		form.put("channel_id", channel);
		form.put("channel_name",
				workspace.channel(channel).map(SandboxWorkspace.Channel::name).orElse("directmessage"));
		form.put("user_id", person.id());
		form.put("user_name", person.name().toLowerCase(java.util.Locale.ROOT).replace(' ', '.'));
		form.put("command", "/partner");
		form.put("text", (words.length > 1) ? words[1] : "");
		form.put("api_app_id", SignedDeliveries.APP_ID);
		form.put("is_enterprise_install", "false");
		form.put("response_url", "http://127.0.0.1/sandbox/respond");
		form.put("trigger_id", workspace.trigger(person.id()));
		SignedDeliveries.Answer answer = deliveries.post("application/x-www-form-urlencoded", encode(form));
		if (answer.status() == 200 && answer.body() != null && !answer.body().isBlank()) {
			// a response in the acknowledgement: Slack shows it to the person only
			JsonNode body = json.readTree(answer.body());
			if (body.has("text") || body.has("blocks")) {
				workspace.addEphemeral(channel, person.id(), null, body.path("text").asString(""), body.get("blocks"));
			}
		}
		return result(answer);
	}

	record Action(String user, String channel, String messageTs, boolean ephemeral, String viewId, boolean home,
			String blockId, String actionId, String value, SelectedOption selectedOption) {
	}

	record SelectedOption(String value, String text) {
	}

	/**
	 * A click on a button or a choice in a menu, in a message, a modal or the App Home.
	 */
	@PostMapping("/sandbox/action")
	ObjectNode action(@RequestBody Action action) {
		SandboxWorkspace.Person person = person(action.user());
		ObjectNode payload = interaction("block_actions", person);
		((ObjectNode) payload.get("user")).put("username", person.name());
		ObjectNode container = payload.putObject("container");
		if (action.viewId() != null || action.home()) {
			String viewId = (action.viewId() != null) ? action.viewId() : "VHOME" + person.id();
			container.put("type", "view").put("view_id", viewId);
			ObjectNode view = workspace.view(viewId).map(ObjectNode::deepCopy).orElseGet(json::createObjectNode);
			view.put("id", viewId).put("type", action.home() ? "home" : "modal");
			payload.set("view", view);
		}
		else {
			if (action.channel() == null || !workspace.canSee(person.id(), action.channel())) {
				return failure(person.name() + " is not in this channel.");
			}
			container.put("type", "message")
				.put("message_ts", action.messageTs())
				.put("channel_id", action.channel())
				.put("is_ephemeral", action.ephemeral());
			payload.putObject("channel").put("id", action.channel());
			ObjectNode message = action.ephemeral() ? json.createObjectNode().put("ts", action.messageTs())
					: workspace.message(action.channel(), action.messageTs())
						.map(ObjectNode::deepCopy)
						.orElseGet(() -> json.createObjectNode().put("ts", action.messageTs()));
			message.remove("metadata");
			payload.set("message", message);
		}
		ObjectNode clicked = payload.putArray("actions")
			.addObject()
			.put("action_id", action.actionId())
			.put("block_id", action.blockId())
			.put("action_ts", workspace.nextTs());
		if (action.selectedOption() != null) {
			clicked.put("type", "static_select");
			ObjectNode option = clicked.putObject("selected_option").put("value", action.selectedOption().value());
			option.putObject("text").put("type", "plain_text").put("text", action.selectedOption().text());
		}
		else {
			clicked.put("type", "button").put("value", action.value());
		}
		return result(deliveries.interaction(payload));
	}

	/**
	 * The start of an interaction payload of this type by this person, as Slack sends
	 * them: who, from which workspace, and a fresh trigger for opening a modal.
	 */
	private ObjectNode interaction(String type, SandboxWorkspace.Person person) {
		ObjectNode payload = json.createObjectNode()
			.put("type", type)
			.put("api_app_id", SignedDeliveries.APP_ID)
			.put("token", "sandbox")
			.put("trigger_id", workspace.trigger(person.id()))
			.put("is_enterprise_install", false);
		payload.putObject("user").put("id", person.id()).put("name", person.name()).put("team_id", person.teamId());
		payload.putObject("team").put("id", person.teamId()).put("domain", "sandbox");
		return payload;
	}

	record Submit(String user, String viewId, ObjectNode values) {
	}

	/** A modal's submit button: Slack's view_submission with the state of its inputs. */
	@PostMapping("/sandbox/submit")
	ObjectNode submit(@RequestBody Submit submit) {
		SandboxWorkspace.Person person = person(submit.user());
		ObjectNode view = workspace.view(submit.viewId())
			.filter(v -> workspace.viewOwner(submit.viewId()).map(person.id()::equals).orElse(false))
			.map(ObjectNode::deepCopy)
			.orElse(null);
		if (view == null) {
			return failure("This form is closed.");
		}
		view.putObject("state").set("values", (submit.values() != null) ? submit.values() : json.createObjectNode());
		ObjectNode payload = interaction("view_submission", person);
		payload.set("view", view);
		SignedDeliveries.Answer answer = deliveries.interaction(payload);
		ObjectNode result = result(answer);
		JsonNode body = (answer.body() == null || answer.body().isBlank()) ? null : json.readTree(answer.body());
		String responseAction = (body != null) ? body.path("response_action").asString(null) : null;
		result.put("responseAction", responseAction);
		if ("errors".equals(responseAction)) {
			// Slack keeps the modal open with what was typed, and shows each message
			ObjectNode kept = workspace.view(submit.viewId()).orElseThrow();
			kept.putObject("state").set("values", view.path("state").path("values"));
			workspace.showView(person.id(), submit.viewId(), kept, (ObjectNode) body.get("errors"));
			result.set("errors", body.get("errors"));
		}
		else if ("update".equals(responseAction) && body.get("view") instanceof ObjectNode next) {
			workspace.showView(person.id(), submit.viewId(), next, null);
		}
		else if ("clear".equals(responseAction)) {
			workspace.closeViewsOf(person.id());
		}
		else if (answer.status() == 200) {
			workspace.closeView(submit.viewId());
		}
		return result;
	}

	record Close(String user, String viewId) {
	}

	@PostMapping("/sandbox/close")
	ObjectNode close(@RequestBody Close close) {
		person(close.user());
		workspace.closeView(close.viewId());
		return json.createObjectNode().put("ok", true);
	}

	record Home(String user) {
	}

	/** Opening the App Home tab: Slack's app_home_opened event. */
	@PostMapping("/sandbox/home")
	ObjectNode home(@RequestBody Home home) {
		SandboxWorkspace.Person person = person(home.user());
		ObjectNode event = json.createObjectNode()
			.put("type", "app_home_opened")
			.put("user", person.id())
			.put("channel", person.dmChannel())
			.put("tab", "home")
			.put("event_ts", workspace.nextTs());
		return result(deliveries.event(event));
	}

	private ObjectNode result(SignedDeliveries.Answer answer) {
		if (answer.status() == 200) {
			return json.createObjectNode().put("ok", true);
		}
		return failure("The bot answered " + answer.status()
				+ (answer.status() == 503 ? " (still starting; try again in a moment)" : ""));
	}

	private SandboxWorkspace.Person person(String id) {
		return workspace.person(id)
			.orElseThrow(() -> new SandboxException("No one in the sandbox has the id " + id + "."));
	}

	private ObjectNode failure(String error) {
		return json.createObjectNode().put("ok", false).put("error", error);
	}

	private static String encode(Map<String, String> form) {
		StringBuilder body = new StringBuilder();
		form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return body.toString();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/** A request the sandbox cannot act on. */
	static class SandboxException extends RuntimeException {

		SandboxException(String message) {
			super(message);
		}

	}

	@org.springframework.web.bind.annotation.ExceptionHandler(SandboxException.class)
	ResponseEntity<ObjectNode> refused(SandboxException ex) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(failure(ex.getMessage()));
	}

}
