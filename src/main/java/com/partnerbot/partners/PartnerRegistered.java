package com.partnerbot.partners;

/** A partner joined the program. */
public record PartnerRegistered(Partner partner) {

}
