package com.partnerbot.training;

/**
 * A completion was recorded for the first time; {@code certification} is the one it
 * earns, null for a course that certifies nothing.
 */
public record CompletionRecorded(Completion completion, String certification) {

}
