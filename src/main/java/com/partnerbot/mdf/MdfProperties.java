package com.partnerbot.mdf;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.partnerbot.partners.Tier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MDF rules, as configuration ({@code partnerbot.mdf.*}). The defaults are the demo
 * program's, as its library states them in "Market Development Funds (MDF) Policy" and
 * "How to Submit an MDF Claim" ({@code MdfRulesMatchTheLibraryTests} reads both).
 *
 * @param currency the currency funds are kept and requested in
 * @param eligibleTiers the tiers that accrue and may spend MDF
 * @param accrualRate the share of a quarter's won revenue that accrues
 * @param annualCap the most a partner of each tier accrues in a calendar year
 * @param usableQuarters for how many quarters after the one it accrued in an accrual may
 * be spent
 * @param share the share of an activity's eligible cost the program pays, per tier
 * @param preApprovalAbove a request for more than this waits for a channel manager;
 * smaller ones need no pre-approval
 * @param leadBusinessDays how many business days before the activity starts a request
 * that needs pre-approval must be submitted
 * @param decisionBusinessDays within how many business days channel managers decide
 * @param claimDays how many days after the activity ends its claim may be submitted
 * @param expiryReminderDays how many days before funds expire the partner is reminded
 * @param claimReminderDays how many days before a claim is due the partner is reminded
 * @param activities the eligible activity types, by key
 */
@ConfigurationProperties("partnerbot.mdf")
public record MdfProperties(@DefaultValue("USD") String currency, @DefaultValue( {
		"SILVER", "GOLD", "PLATINUM" }) List<Tier> eligibleTiers, @DefaultValue("0.02") BigDecimal accrualRate,
		Map<Tier, BigDecimal> annualCap, @DefaultValue("2") int usableQuarters, Map<Tier, BigDecimal> share,
		@DefaultValue("5000") BigDecimal preApprovalAbove, @DefaultValue("15") int leadBusinessDays,
		@DefaultValue("5") int decisionBusinessDays, @DefaultValue("60") int claimDays,
		@DefaultValue("30") int expiryReminderDays, @DefaultValue("14") int claimReminderDays,
		Map<String, Activity> activities){

	public MdfProperties {
		// maps have no annotation default: the demo policy's figures
		annualCap = (annualCap == null || annualCap.isEmpty()) ? Map.of(Tier.SILVER, new BigDecimal("10000"), Tier.GOLD,
				new BigDecimal("40000"), Tier.PLATINUM, new BigDecimal("120000")) : Map.copyOf(annualCap);
		share = (share == null || share.isEmpty()) ? Map.of(Tier.SILVER, new BigDecimal("0.50"), Tier.GOLD,
				new BigDecimal("0.75"), Tier.PLATINUM, new BigDecimal("1.00")) : Map.copyOf(share);
		activities = (activities == null || activities.isEmpty()) ? demoActivities()
				: java.util.Collections.unmodifiableMap(new LinkedHashMap<>(activities));
	}

	/**
	 * An eligible activity type.
	 *
	 * @param label its name for people
	 * @param proof what a claim must show, each with the words a file's name is
	 * recognised by
	 * @param leadsRequired whether a claim must report the leads uploaded
	 * @param cateringPerAttendee the most catering counts for per attendee, if capped
	 * @param attendanceFloor fewer live attendees than this reduce the reimbursement
	 * @param belowFloorRate the share of the approved amount paid below the floor
	 */
	public record Activity(String label, List<Proof> proof, @DefaultValue("false") boolean leadsRequired,
			BigDecimal cateringPerAttendee, Integer attendanceFloor, BigDecimal belowFloorRate) {

		public Activity {
			proof = (proof == null) ? List.of() : List.copyOf(proof);
		}

	}

	/**
	 * One piece of proof of performance.
	 *
	 * @param label what it is, as the library names it
	 * @param words words a shared file's name shows it by (lower case)
	 */
	public record Proof(String label, List<String> words) {

		public Proof {
			words = (words == null) ? List.of() : List.copyOf(words);
		}

	}

	private static Map<String, Activity> demoActivities() {
		Map<String, Activity> activities = new LinkedHashMap<>();
		activities.put("webinar",
				new Activity("Webinar",
						List.of(proof("Registration and attendance report", "attend", "registr", "report"),
								proof("recording link or slide deck", "record", "slide", "deck", "video", "ppt"),
								proof("platform and promotion invoices", "invoice", "receipt")),
						true, null, 15, new BigDecimal("0.50")));
		activities.put("event",
				new Activity("Event",
						List.of(proof("Photos of booth or room showing Northwind branding", "photo", "booth", "jpg",
								"jpeg", "png"), proof("attendee list", "attendee", "attendance", "list"),
								proof("venue and catering invoices", "invoice", "receipt")),
						true, new BigDecimal("75"), null, null));
		activities
			.put("digital",
					new Activity("Digital campaign",
							List.of(proof("Screenshots of live ads", "screenshot", "screen", "ad", "png", "jpg"),
									proof("platform report with impressions and clicks", "report", "impression",
											"click"),
									proof("invoices", "invoice", "receipt")),
							false, null, null, null));
		activities.put("email",
				new Activity(
						"Email campaign", List.of(proof("Copy of the email", "email", "copy"),
								proof("send report", "send", "report"), proof("invoice", "invoice", "receipt")),
						false, null, null, null));
		activities.put("telemarketing",
				new Activity(
						"Telemarketing", List.of(proof("Call report with number of calls and meetings booked", "call",
								"report", "meeting"), proof("invoice", "invoice", "receipt")),
						false, null, null, null));
		activities.put("content",
				new Activity("Content / case study",
						List.of(proof("Final asset", "asset", "case", "study", "final", "pdf"),
								proof("invoice", "invoice", "receipt")),
						false, null, null, null));
		return java.util.Collections.unmodifiableMap(activities);
	}

	private static Proof proof(String label, String... words) {
		return new Proof(label, List.of(words));
	}

}
