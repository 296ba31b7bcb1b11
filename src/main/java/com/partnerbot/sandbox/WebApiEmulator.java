package com.partnerbot.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import com.partnerbot.platform.LocalMode;
import com.partnerbot.slack.LocalSlack;

import lombok.RequiredArgsConstructor;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Slack Web API methods the bot calls, answered as Slack answers them (the shapes are
 * checked against Slack's OpenAPI document in the tests), acting on the sandbox's
 * workspace. Arguments come form-encoded or as JSON, as Slack accepts both.
 */
@RestController
@Conditional(LocalMode.class)
@RequiredArgsConstructor
class WebApiEmulator {

	private final SandboxWorkspace workspace;

	private final LocalSlack slack;

	private final JsonMapper json;

	private final SandboxFiles files;

	@PostMapping(path = "/sandbox/api/{method}", produces = MediaType.APPLICATION_JSON_VALUE)
	ObjectNode call(@PathVariable String method, HttpServletRequest request) throws IOException {
		ObjectNode args = arguments(request);
		String auth = String.valueOf(request.getHeader("Authorization")).replace("Bearer ", "");
		if (!auth.equals(slack.botToken()) && !slack.botToken().equals(args.path("token").asString())) {
			return logged(method, args, error("invalid_auth"));
		}
		ObjectNode response = switch (method) {
			case "auth.test" -> ok().put("url", "https://vendor-sandbox.slack.com/")
				.put("team", "Vendor Inc.")
				.put("user", "partnerbot")
				.put("team_id", SandboxWorkspace.VENDOR_TEAM)
				.put("user_id", SandboxWorkspace.BOT_USER)
				.put("bot_id", SandboxWorkspace.BOT_ID)
				.put("is_enterprise_install", false);
			case "chat.postMessage" -> postMessage(args);
			case "chat.postEphemeral" -> postEphemeral(args);
			case "chat.update" -> update(args);
			case "chat.delete" -> workspace.deleteMessage(args.path("channel").asString(), args.path("ts").asString())
					? ok().put("channel", args.path("channel").asString()).put("ts", args.path("ts").asString())
					: error("message_not_found");
			case "views.open", "views.push" -> openView(args);
			case "views.update" -> updateView(args);
			case "views.publish" -> publishHome(args);
			case "users.info" -> userInfo(args);
			case "conversations.open" -> openConversation(args);
			case "conversations.info" -> conversationInfo(args);
			case "conversations.members" -> members(args);
			case "conversations.history", "conversations.replies" -> history(method, args);
			case "files.getUploadURLExternal" -> {
				String[] upload = files.uploadUrl(request);
				yield ok().put("upload_url", upload[1]).put("file_id", upload[0]);
			}
			case "files.completeUploadExternal" -> completeUpload(args);
			case "assistant.threads.setStatus" -> setStatus(args);
			case "assistant.threads.setSuggestedPrompts" -> setSuggestedPrompts(args);
			default -> error("unknown_method");
		};
		return logged(method, args, response);
	}

	/**
	 * The bot's "is thinking…" line under a thread, as Slack shows it in an assistant
	 * thread: an empty status clears it, and so does the bot's next reply there.
	 */
	private ObjectNode setStatus(ObjectNode args) {
		String channel = channelOf(args.path("channel_id").asString());
		String threadTs = args.path("thread_ts").asString("");
		if (channel == null || threadTs.isEmpty() || !args.has("status")) {
			return error((channel == null) ? "channel_not_found" : "invalid_arguments");
		}
		workspace.setStatus(channel, threadTs, args.path("status").asString());
		return ok();
	}

	/** Suggested prompts need a thread the person opened as an assistant thread. */
	private ObjectNode setSuggestedPrompts(ObjectNode args) {
		String channel = channelOf(args.path("channel_id").asString());
		JsonNode prompts = jsonArgument(args, "prompts");
		if (channel == null) {
			return error("channel_not_found");
		}
		if (prompts == null || !prompts.isArray() || prompts.isEmpty() || prompts.size() > 4) {
			return error("invalid_arguments");
		}
		return ok();
	}

	/** The uploads completed: each must have had its bytes posted. */
	private ObjectNode completeUpload(ObjectNode args) {
		JsonNode uploaded = jsonArgument(args, "files");
		if (uploaded == null || !uploaded.isArray() || uploaded.isEmpty()) {
			return error("invalid_arguments");
		}
		ArrayNode done = json.createArrayNode();
		for (JsonNode file : uploaded) {
			if (!files.exists(file.path("id").asString())) {
				return error("file_not_found");
			}
			done.add(json.createObjectNode()
				.put("id", file.path("id").asString())
				.put("title", file.path("title").asString("")));
		}
		ObjectNode response = ok();
		response.set("files", done);
		return response;
	}

	private ObjectNode postMessage(ObjectNode args) {
		String channel = channelOf(args.path("channel").asString());
		if (channel == null) {
			return error("channel_not_found");
		}
		if (!args.has("text") && !args.has("blocks")) {
			return error("no_text");
		}
		String ts = workspace.nextTs();
		ObjectNode message = json.createObjectNode()
			.put("type", "message")
			.put("subtype", "bot_message")
			.put("text", args.path("text").asString(""))
			.put("user", SandboxWorkspace.BOT_USER)
			.put("bot_id", SandboxWorkspace.BOT_ID)
			.put("team", SandboxWorkspace.VENDOR_TEAM)
			.put("ts", ts);
		if (args.hasNonNull("thread_ts") && !args.path("thread_ts").asString().isEmpty()) {
			message.put("thread_ts", args.path("thread_ts").asString());
		}
		JsonNode blocks = jsonArgument(args, "blocks");
		if (blocks != null) {
			message.set("blocks", blocks);
		}
		JsonNode metadata = jsonArgument(args, "metadata");
		if (metadata != null) {
			message.set("metadata", metadata);
		}
		workspace.addMessage(channel, message);
		ObjectNode response = ok().put("channel", channel).put("ts", ts);
		response.set("message", withoutMetadata(message));
		return response;
	}

	private ObjectNode postEphemeral(ObjectNode args) {
		String channel = channelOf(args.path("channel").asString());
		String user = args.path("user").asString();
		if (channel == null) {
			return error("channel_not_found");
		}
		if (!workspace.canSee(user, channel)) {
			return error("user_not_in_channel");
		}
		workspace.addEphemeral(channel, user,
				args.hasNonNull("thread_ts") && !args.path("thread_ts").asString().isEmpty()
						? args.path("thread_ts").asString() : null,
				args.path("text").asString(""), jsonArgument(args, "blocks"));
		return ok().put("message_ts", workspace.nextTs());
	}

	private ObjectNode update(ObjectNode args) {
		String channel = args.path("channel").asString();
		String ts = args.path("ts").asString();
		JsonNode blocks = jsonArgument(args, "blocks");
		if (!workspace.replaceMessage(channel, ts, args.path("text").asString(""), blocks)) {
			return error("message_not_found");
		}
		ObjectNode response = ok().put("channel", channel).put("ts", ts).put("text", args.path("text").asString(""));
		response.set("message", withoutMetadata(workspace.message(channel, ts).orElseThrow()));
		return response;
	}

	private ObjectNode openView(ObjectNode args) {
		var user = workspace.useTrigger(args.path("trigger_id").asString());
		if (user.isEmpty()) {
			return error("expired_trigger_id");
		}
		JsonNode view = jsonArgument(args, "view");
		if (!(view instanceof ObjectNode modal) || !"modal".equals(modal.path("type").asString())) {
			return error("invalid_arguments");
		}
		return withView(workspace.showView(user.get(), null, modal, null));
	}

	private ObjectNode updateView(ObjectNode args) {
		String viewId = args.path("view_id").asString();
		var owner = workspace.viewOwner(viewId);
		JsonNode view = jsonArgument(args, "view");
		if (owner.isEmpty()) {
			return error("not_found");
		}
		if (!(view instanceof ObjectNode modal)) {
			return error("invalid_arguments");
		}
		return withView(workspace.showView(owner.get(), viewId, modal, null));
	}

	private ObjectNode publishHome(ObjectNode args) {
		String user = args.path("user_id").asString();
		JsonNode view = jsonArgument(args, "view");
		if (workspace.person(user).isEmpty()) {
			return error("user_not_found");
		}
		if (!(view instanceof ObjectNode home) || !"home".equals(home.path("type").asString())) {
			return error("invalid_arguments");
		}
		return withView(workspace.publishHome(user, home));
	}

	/** Slack's answer to views.open, views.update and views.publish: ok, and the view. */
	private ObjectNode withView(JsonNode view) {
		ObjectNode response = ok();
		response.set("view", view);
		return response;
	}

	private ObjectNode userInfo(ObjectNode args) {
		String id = args.path("user").asString();
		if (id.equals(SandboxWorkspace.BOT_USER)) {
			ObjectNode response = ok();
			response.putObject("user")
				.put("id", id)
				.put("team_id", SandboxWorkspace.VENDOR_TEAM)
				.put("name", "partnerbot")
				.put("real_name", "Partnerbot")
				.put("is_bot", true)
				.put("deleted", false);
			return response;
		}
		return workspace.person(id).map(person -> {
			ObjectNode response = ok();
			ObjectNode user = response.putObject("user")
				.put("id", person.id())
				.put("team_id", person.teamId())
				.put("name", person.name().toLowerCase(java.util.Locale.ROOT).replace(' ', '.'))
				.put("real_name", person.name())
				.put("is_bot", false)
				.put("deleted", false)
				.put("tz", "Europe/London");
			user.putObject("profile")
				.put("real_name", person.name())
				.put("display_name", person.name().split(" ")[0])
				.put("title", person.title())
				.put("email", person.email())
				.put("team", person.teamId());
			return response;
		}).orElseGet(() -> error("user_not_found"));
	}

	private ObjectNode openConversation(ObjectNode args) {
		String users = args.path("users").asString();
		if (users.contains(",")) {
			return error("not_supported");
		}
		return workspace.person(users).map(person -> {
			ObjectNode response = ok();
			response.putObject("channel").put("id", person.dmChannel());
			return response;
		}).orElseGet(() -> error("user_not_found"));
	}

	private ObjectNode conversationInfo(ObjectNode args) {
		String id = args.path("channel").asString();
		return workspace.channel(id).map(channel -> {
			ObjectNode response = ok();
			response.putObject("channel")
				.put("id", channel.id())
				.put("name", channel.name())
				.put("is_channel", true)
				.put("is_ext_shared", "shared".equals(channel.kind()))
				.put("is_member", true)
				.put("created", 1_700_000_000L);
			return response;
		}).orElseGet(() -> workspace.dmOwner(id).map(person -> {
			ObjectNode response = ok();
			response.putObject("channel").put("id", id).put("is_im", true).put("user", person.id());
			return response;
		}).orElseGet(() -> error("channel_not_found")));
	}

	private ObjectNode members(ObjectNode args) {
		return workspace.channel(args.path("channel").asString()).map(channel -> {
			ObjectNode response = ok();
			ArrayNode members = response.putArray("members");
			channel.members().forEach(members::add);
			members.add(SandboxWorkspace.BOT_USER);
			response.putObject("response_metadata").put("next_cursor", "");
			return response;
		}).orElseGet(() -> error("channel_not_found"));
	}

	private ObjectNode history(String method, ObjectNode args) {
		String channel = channelOf(args.path("channel").asString());
		if (channel == null) {
			return error("channel_not_found");
		}
		boolean replies = method.equals("conversations.replies");
		if (replies && !args.hasNonNull("ts")) {
			return error("thread_not_found");
		}
		double oldest = parseTs(args.path("oldest").asString("0"));
		boolean metadata = "true".equals(args.path("include_all_metadata").asString())
				|| args.path("include_all_metadata").asBoolean(false);
		ObjectNode response = ok();
		ArrayNode messages = response.putArray("messages");
		response.put("has_more", false);
		if (!replies) {
			response.put("pin_count", 0).putNull("channel_actions_ts");
			response.put("channel_actions_count", 0);
		}
		for (ObjectNode message : workspace.history(channel, replies ? args.path("ts").asString() : null)) {
			if (parseTs(message.path("ts").asString()) >= oldest) {
				messages.add(metadata ? message.deepCopy() : withoutMetadata(message));
			}
		}
		return response;
	}

	/** A channel id, or the direct message channel of a user id (as Slack allows). */
	private String channelOf(String channel) {
		if (workspace.dmOwner(channel).isPresent() || workspace.channel(channel).isPresent()) {
			return channel;
		}
		return workspace.person(channel).map(SandboxWorkspace.Person::dmChannel).orElse(null);
	}

	private JsonNode jsonArgument(ObjectNode args, String name) {
		JsonNode value = args.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isString()) {
			String text = value.asString();
			return text.isBlank() ? null : json.readTree(text);
		}
		return value;
	}

	private ObjectNode arguments(HttpServletRequest request) throws IOException {
		String type = String.valueOf(request.getContentType());
		if (type.contains("json")) {
			String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			JsonNode parsed = body.isBlank() ? json.createObjectNode() : json.readTree(body);
			return (parsed instanceof ObjectNode object) ? object : json.createObjectNode();
		}
		ObjectNode args = json.createObjectNode();
		for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
			args.put(entry.getKey(), entry.getValue()[0]);
		}
		return args;
	}

	private ObjectNode logged(String method, ObjectNode args, ObjectNode response) {
		workspace.apiCall(method, response.path("ok").asBoolean(),
				response.has("error") ? response.path("error").asString() : null,
				args.has("channel") ? args.path("channel").asString() : args.has("channel_id")
						? args.path("channel_id").asString() : args.path("user_id").asString(null));
		return response;
	}

	private static ObjectNode withoutMetadata(ObjectNode message) {
		ObjectNode copy = message.deepCopy();
		copy.remove("metadata");
		return copy;
	}

	private ObjectNode ok() {
		return json.createObjectNode().put("ok", true);
	}

	private ObjectNode error(String error) {
		return json.createObjectNode().put("ok", false).put("error", error);
	}

	private static double parseTs(String ts) {
		try {
			return Double.parseDouble(ts);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
