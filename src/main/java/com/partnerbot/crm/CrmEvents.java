package com.partnerbot.crm;

import java.util.UUID;

/**
 * What the CRM sync has to tell people about.
 */
public final class CrmEvents {

	private CrmEvents() {
	}

	/**
	 * A registration could not be written to the CRM after the retries (or the CRM
	 * refused it outright); channel managers should look.
	 *
	 * @param dealId the registration
	 * @param reference its reference
	 * @param crm the CRM
	 * @param error the last error
	 * @param attempts how many times it was tried
	 */
	public record RecordFailed(UUID dealId, String reference, String crm, String error, int attempts) {
	}

}
