package com.partnerbot.assistant;

/**
 * How many questions were asked, and how many of them the library could not answer.
 */
public record QuestionCounts(int asked, int unanswered) {

}
