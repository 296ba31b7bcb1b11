package com.partnerbot.training;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A completion as reported; {@link TrainingManagement#record} says what is wrong with it.
 *
 * @param partnerId the partner the person works for
 * @param person the person's e-mail address or Slack user id
 * @param role {@code sales}, {@code engineer} or {@code any}; {@code null} for the
 * course's own role
 * @param courseCode the course
 * @param completedOn when it was completed, not in the future
 */
public record NewCompletion(UUID partnerId, String person, String role, String courseCode, LocalDate completedOn) {

}
