package com.partnerbot.crm;

import java.util.Optional;
import java.util.UUID;

import com.partnerbot.deals.DealEvents;

import lombok.RequiredArgsConstructor;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Stores each change of a registration in the CRM outbox, in the transaction of the
 * change itself: the registration and its way to the CRM commit together, and nothing
 * here calls the CRM, so a CRM that is down never holds a partner up.
 */
@Component
@RequiredArgsConstructor
class DealsToCrm {

	private final Optional<CrmConnector> connector;

	private final CrmOutbox outbox;

	@EventListener
	void on(DealEvents.Registered registered) {
		enqueue(registered.deal().id(), "registered");
	}

	@EventListener
	void on(DealEvents.Decided decided) {
		enqueue(decided.deal().id(), "decided " + decided.decision());
	}

	@EventListener
	void on(DealEvents.Split split) {
		enqueue(split.from().id(), "split");
		split.parts().forEach(part -> enqueue(part.id(), "split from " + split.from().reference()));
	}

	@EventListener
	void on(DealEvents.Extended extended) {
		enqueue(extended.deal().id(), "extended");
	}

	@EventListener
	void on(DealEvents.Expired expired) {
		enqueue(expired.deal().id(), "expired");
	}

	@EventListener
	void on(DealEvents.Closed closed) {
		// an outcome read from the CRM is there already
		if (!CrmSync.SOURCE.equals(closed.by())) {
			enqueue(closed.deal().id(), "closed " + closed.deal().status());
		}
	}

	private void enqueue(UUID dealId, String reason) {
		connector.ifPresent(crm -> outbox.enqueue(crm.name(), dealId, reason));
	}

}
