package com.partnerbot.slack.crm;

import java.util.ArrayList;
import java.util.List;

import com.partnerbot.crm.CrmEvents;
import com.partnerbot.crm.CrmManagement;
import com.partnerbot.partners.Requester;
import com.partnerbot.slack.bolt.Messages;
import com.partnerbot.slack.outbox.SlackOutbox;

import lombok.RequiredArgsConstructor;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The CRM in Slack: {@code /partner crm} for program admins (how the sync stands), and an
 * alert to channel managers when a registration cannot be written to the CRM.
 */
@Component
@RequiredArgsConstructor
public class CrmInSlack {

	private final CrmManagement crm;

	private final SlackOutbox outbox;

	@ApplicationModuleListener
	void on(CrmEvents.RecordFailed failed) {
		outbox.alert(
				"crm-failed:" + failed.crm() + ":" + failed.dealId() + ":" + failed.attempts() + ":"
						+ Integer.toHexString(failed.error().hashCode()),
				Messages.Reply.plain(":warning: Registration *" + failed.reference() + "* could not be written to "
						+ failed.crm() + " after " + failed.attempts() + " attempt(s): " + failed.error()
						+ "\nIt is kept and tried again when it changes or when an admin runs `/partner crm sync`."));
	}

	/** {@code /partner crm [sync]}. */
	public Messages.Reply command(Requester requester, String rest) {
		if (!(requester instanceof Requester.Staff staff && staff.admin())) {
			return Messages.Reply.plain("Only program admins can use `/partner crm`.");
		}
		if (rest.strip().equalsIgnoreCase("sync")) {
			CrmManagement.SyncReport report = crm.syncNow();
			return Messages.Reply
				.plain("Synced with " + report.crm() + ": " + report.written() + " written, " + report.failed()
						+ " given up, " + report.retrying() + " to retry; " + report.outcomes() + " outcomes and "
						+ report.directAccounts() + " direct accounts read back; " + report.backlog() + " waiting.");
		}
		CrmManagement.Status status = crm.status();
		if (status.crm() == null) {
			return Messages.Reply.plain("No CRM is connected. Set `PARTNERBOT_CRM` to `salesforce` or `hubspot` "
					+ "(see the README's section on connecting a CRM).");
		}
		List<String> lines = new ArrayList<>();
		lines.add("*CRM: " + status.crm() + "* — " + (status.connected() ? "connected" : "not answering"));
		lines.add("Last written: " + (status.lastSyncOut() != null ? status.lastSyncOut() : "never") + " · last read: "
				+ (status.lastSyncIn() != null ? status.lastSyncIn() : "never"));
		lines.add("Waiting: " + status.backlog() + " (" + status.failed() + " given up)");
		if (status.pausedUntil() != null) {
			lines.add("Paused until " + status.pausedUntil() + ": " + status.pauseReason());
		}
		status.errors()
			.stream()
			.limit(5)
			.forEach(error -> lines.add("• " + error.at() + " " + Messages.truncate(error.message(), 300)));
		lines.add("`/partner crm sync` writes what waits and reads the CRM's changes now.");
		return Messages.Reply.plain(String.join("\n", lines));
	}

}
