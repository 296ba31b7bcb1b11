package com.partnerbot.slack.people;

import com.partnerbot.partners.SlackIdentity;
import com.partnerbot.slack.bolt.Delivery;

/**
 * A feature that takes files people share with the bot ({@code message} events of subtype
 * {@code file_share}). Bolt keeps one handler per event subtype, so {@link SharedFiles}
 * receives them all and offers each delivery to these, in their order, until one takes
 * it.
 */
public interface SharedFileHandler {

	/**
	 * Called after the acknowledgement, on the Slack work queue.
	 * @return whether the files were this feature's (it has answered, or chosen to say
	 * nothing); false leaves them to the next
	 */
	boolean take(Delivery delivery, SlackIdentity identity);

}
