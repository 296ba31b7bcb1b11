package com.partnerbot.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The port every CRM adapter implements. Calls throw {@link CrmCallException} when the
 * CRM fails, times out or limits the rate; the outbox and the sync decide what to do.
 */
public interface CrmConnector {

	/** {@code salesforce} or {@code hubspot}. */
	String name();

	/** The most records {@link #upsert} takes at once. */
	int batchSize();

	/**
	 * Creates or updates the CRM record of each registration, found by our id, so a
	 * registration written twice is still one record.
	 * @return one result per record, in any order
	 */
	List<Written> upsert(List<CrmRecord> records);

	/**
	 * What changed in the CRM since {@code since} (null: everything): won and lost
	 * registrations, and the direct team's accounts and opportunities.
	 */
	Changes changesSince(Instant since);

	/**
	 * The result of writing one record.
	 *
	 * @param registrationId the registration
	 * @param crmId the CRM's id of its record, when written (may be blank when the CRM
	 * did not say)
	 * @param error why it was not written, when it was not
	 * @param retryable whether trying again may help
	 */
	record Written(UUID registrationId, String crmId, String error, boolean retryable) {

		static Written ok(UUID registrationId, String crmId) {
			return new Written(registrationId, (crmId != null) ? crmId : "", null, false);
		}

		static Written failed(UUID registrationId, String error, boolean retryable) {
			return new Written(registrationId, null, error, retryable);
		}

		boolean succeeded() {
			return error == null;
		}

	}

	/**
	 * A registration the CRM closed.
	 *
	 * @param registrationId our id on the CRM record
	 * @param won won or lost
	 * @param amount the amount it closed at, if the CRM has one
	 */
	record Outcome(UUID registrationId, boolean won, BigDecimal amount) {
	}

	/**
	 * An account or opportunity of the direct sales team.
	 *
	 * @param key the CRM's key for it, e.g. {@code salesforce:Opportunity:006...}
	 * @param name the customer company
	 * @param domain its website or domain, if known
	 * @param owner who owns it in the CRM
	 * @param open false when it no longer keeps partners out (an opportunity closed, an
	 * account no longer direct)
	 * @param named true for a named account of the direct team (partners cannot register
	 * it), false for an open opportunity (a channel manager weighs a registration of it)
	 */
	record DirectEntry(String key, String name, String domain, String owner, boolean open, boolean named) {
	}

	/**
	 * @param outcomes registrations the CRM closed
	 * @param direct the direct team's accounts and opportunities that changed
	 * @param watermark the latest modification seen, where the next read starts; null
	 * when nothing changed
	 * @param calls how many calls it took
	 */
	record Changes(List<Outcome> outcomes, List<DirectEntry> direct, Instant watermark, int calls) {
	}

}
