package com.partnerbot.training;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A course a person of a partner completed.
 *
 * @param id its identifier
 * @param partnerId the partner the person works for
 * @param person the person's e-mail address (in lower case) or Slack user id
 * @param role the person's role: {@code sales}, {@code engineer} or {@code any}
 * @param courseCode the course
 * @param completedOn when it was completed; for an exam, the exam date
 * @param source how it was recorded: {@code api} or {@code csv}
 */
public record Completion(UUID id, UUID partnerId, String person, String role, String courseCode, LocalDate completedOn,
		String source) {

}
