package com.partnerbot.assistant;

import java.util.UUID;

import com.partnerbot.knowledge.Audience;

/**
 * A question to answer.
 *
 * @param text what was asked
 * @param audience whose content may be used: the partner's tier, or staff
 * @param partnerId the partner the answer is for, if any
 * @param askedBy who asked (a Slack user id, or "api")
 * @param conversationId the conversation it belongs to; follow-ups share it
 */
public record Question(String text, Audience audience, UUID partnerId, String askedBy, String conversationId) {

}
