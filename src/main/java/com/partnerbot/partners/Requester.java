package com.partnerbot.partners;

import java.util.Optional;

/**
 * Who is asking, as far as the program is concerned.
 */
public sealed interface Requester {

	String userId();

	/**
	 * The partner whose data this conversation may show: the requester's own partner, or
	 * for staff the partner that owns the channel they speak in.
	 */
	Optional<Partner> partner();

	/** A person of the vendor's own workspace. */
	record Staff(String userId, boolean admin, Optional<Partner> partner) implements Requester {
	}

	/** A person of a registered partner. */
	record PartnerPerson(String userId, Partner own) implements Requester {

		@Override
		public Optional<Partner> partner() {
			return Optional.of(own);
		}

	}

	/**
	 * Someone the program does not know, or a partner's person in a channel of another
	 * partner: they get a polite refusal and no program data.
	 */
	record Stranger(String userId, String reason) implements Requester {

		@Override
		public Optional<Partner> partner() {
			return Optional.empty();
		}

	}

}
