package com.partnerbot.crm;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.partnerbot.platform.ConflictException;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Service;

/**
 * The crm module's API: how the sync stands, and a sync both ways on demand.
 */
@Service
@RequiredArgsConstructor
public class CrmManagement {

	private final Optional<CrmConnector> connector;

	private final CrmOutbox outbox;

	private final CrmDelivery delivery;

	private final CrmSync sync;

	private final CrmLimits limits;

	/**
	 * Where the sync stands.
	 *
	 * @param crm the CRM, or null when none is configured
	 * @param connected whether the CRM answered the last time it was called
	 * @param lastSyncOut when registrations were last written
	 * @param lastSyncIn when the CRM's changes were last read
	 * @param backlog registrations waiting to be written, the given-up ones included
	 * @param failed registrations given up after the retries
	 * @param pausedUntil when calls resume, while a rate limit pauses them
	 * @param pauseReason why they are paused
	 * @param errors the latest errors, newest first
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Status(String crm, boolean connected, Instant lastSyncOut, Instant lastSyncIn, int backlog,
			int failed, Instant pausedUntil, String pauseReason, List<Error> errors) {
	}

	/** An error of the sync. */
	public record Error(Instant at, String message) {
	}

	/**
	 * What a sync on demand did.
	 *
	 * @param crm the CRM
	 * @param written registrations written
	 * @param failed registrations given up
	 * @param retrying registrations that will be tried again
	 * @param outcomes registrations whose outcome the CRM changed
	 * @param directAccounts direct accounts and opportunities added or updated
	 * @param directRemoved those removed
	 * @param backlog what still waits
	 */
	public record SyncReport(String crm, int written, int failed, int retrying, int outcomes, int directAccounts,
			int directRemoved, int backlog) {
	}

	public Status status() {
		if (connector.isEmpty()) {
			return new Status(null, false, null, null, 0, 0, null, null, List.of());
		}
		String crm = connector.get().name();
		Instant out = outbox.lastSuccess(crm, "OUT");
		Instant in = outbox.lastSuccess(crm, "IN");
		List<Error> errors = outbox.errors(crm, 10).stream().map(e -> new Error(e.at(), e.message())).toList();
		Instant lastSuccess = (out == null) ? in : (in == null || out.isAfter(in)) ? out : in;
		boolean connected = errors.isEmpty() || (lastSuccess != null && lastSuccess.isAfter(errors.get(0).at()));
		return new Status(crm, connected, out, in, outbox.backlog(crm), outbox.failed(crm), limits.pausedUntil(),
				limits.reason(), errors);
	}

	/**
	 * Writes every waiting registration (the given-up ones again too), then reads the
	 * CRM's changes.
	 * @throws ConflictException when no CRM is configured
	 */
	public SyncReport syncNow() {
		CrmConnector crm = connector
			.orElseThrow(() -> new ConflictException("crm", "no CRM is configured (set PARTNERBOT_CRM)"));
		outbox.retryFailed(crm.name());
		outbox.dueNow(crm.name());
		CrmDelivery.Report out = delivery.run(crm);
		CrmSync.Report in = sync.run(crm);
		return new SyncReport(crm.name(), out.written(), out.failed(), out.retrying(), in.outcomes(), in.directAdded(),
				in.directRemoved(), outbox.backlog(crm.name()));
	}

}
