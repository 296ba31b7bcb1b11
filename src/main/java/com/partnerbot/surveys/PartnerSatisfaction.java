package com.partnerbot.surveys;

/**
 * How a partner's people rate the vendor's partner program over the last twelve months: a
 * health signal for the vendor, never a requirement of the partner.
 *
 * @param psat the average satisfaction (1-5), null below {@code minResponses}
 * @param nps the net promoter score, null below {@code minResponses}
 * @param responses how many of its people answered
 * @param minResponses how many answers it takes before a figure is shown
 */
public record PartnerSatisfaction(Double psat, Double nps, int responses, int minResponses) {

}
