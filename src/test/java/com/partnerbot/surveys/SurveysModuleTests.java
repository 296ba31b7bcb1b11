package com.partnerbot.surveys;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.partnerbot.deals.Deal;
import com.partnerbot.deals.DealEvents;
import com.partnerbot.deals.DealStatus;
import com.partnerbot.partners.NewPartner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.partners.PartnerPersonJoined;
import com.partnerbot.partners.Tier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The surveys module on its own, with the modules it depends on: what it does when the
 * others publish, and what it publishes for the Slack adapter to deliver.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = { "partnerbot.surveys.check-cron=-", "partnerbot.surveys.onboarding-cron=-",
		// the readiness group names the index's health, which this module's context
		// leaves out
		"management.endpoint.health.validate-group-membership=false" })
class SurveysModuleTests {

	@Autowired
	PartnerManagement partners;

	@Autowired
	Surveys surveys;

	private static String unique(String prefix) {
		return prefix + Long.toString(System.nanoTime(), 36).toUpperCase();
	}

	private UUID partner() {
		return partners
			.register(new NewPartner(unique("Module Partner "), Tier.SILVER, List.of(unique("T_MOD")),
					List.of(unique("C_MOD")), null))
			.id();
	}

	@Test
	void aDecidedRegistrationInvitesWhoRegisteredItToTheDealSurveyOnce(Scenario scenario) {
		UUID partner = partner();
		String person = unique("U_MOD");
		Deal deal = new Deal(UUID.randomUUID(), unique("DR-"), partner, person, "Initech", null, List.of("Edge"), null,
				null, null, DealStatus.APPROVED, null, 0, null, null, Instant.now(), null, null, null, null, null,
				List.of(), null);
		scenario.publish(new DealEvents.Decided(deal, DealStatus.APPROVED, "U_MANAGER", List.of()))
			.andWaitForEventOfType(SurveyEvents.Invited.class)
			.matching(invited -> invited.invitations().stream().anyMatch(i -> person.equals(i.slackUserId())))
			.toArriveAndVerify(invited -> assertThat(invited.invitations()).singleElement().satisfies(invitation -> {
				assertThat(invitation.partnerId()).isEqualTo(partner);
				assertThat(invitation.about()).isEqualTo(deal.reference() + " (Initech)");
				assertThat(surveys.get(invitation.surveyId()).kind()).isEqualTo(SurveyKind.AFTER_DEAL_DECISION);
			}));
		// a second decision of the same registration (another product, a co-sell) asks
		// nothing more
		assertThat(surveys.inviteAfter(SurveyKind.AFTER_DEAL_DECISION, "deal:" + deal.id(), "again", partner, person))
			.isEmpty();
	}

	@Test
	void aPersonWhoBecomesKnownWhileACampaignIsOpenIsInvitedToIt(Scenario scenario) {
		UUID partner = partner();
		Survey campaign = surveys
			.create(new NewSurvey(unique("Module PSAT "), null, List.of(partner), null, null, null, null, null), "api");
		assertThat(surveys.send(campaign.id(), "api").invitations()).isEmpty();
		String person = unique("U_LATE");
		scenario.publish(new PartnerPersonJoined(partner, person))
			.andWaitForEventOfType(SurveyEvents.Invited.class)
			.matching(invited -> invited.invitations().stream().anyMatch(i -> person.equals(i.slackUserId())))
			.toArriveAndVerify(invited -> assertThat(invited.invitations()).singleElement()
				.satisfies(invitation -> assertThat(invitation.surveyId()).isEqualTo(campaign.id())));
	}

}
