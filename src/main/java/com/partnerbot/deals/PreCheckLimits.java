package com.partnerbot.deals;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many conflict pre-checks a partner gets ({@code partnerbot.deals.pre-checks.*}).
 *
 * @param perPartner checks a partner may make in each period
 * @param per the period
 */
@ConfigurationProperties("partnerbot.deals.pre-checks")
record PreCheckLimits(@DefaultValue("30") int perPartner, @DefaultValue("1h") Duration per) {
}
