package com.partnerbot.partners;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's "who a Slack user is", over the real database.
 */
class PartnerIdentityTests extends EndToEndTests {

	private static final String VENDOR = "T_VENDOR";

	@Autowired
	PartnerManagement partners;

	private Partner acme;

	private Partner globex;

	@BeforeEach
	void twoPartners() {
		acme = partners
			.register(new NewPartner(unique("Acme "), Tier.SILVER, List.of(unique("TA")), List.of(unique("CA"))));
		globex = partners
			.register(new NewPartner(unique("Globex "), Tier.GOLD, List.of(unique("TG")), List.of(unique("CG"))));
	}

	@Test
	void peopleOfTheVendorsWorkspaceAreStaffAndAdminsAreListed() {
		Requester staff = partners.identify(new SlackIdentity("U1", VENDOR, null, VENDOR));
		Requester admin = partners.identify(new SlackIdentity("W_ADMIN", VENDOR, null, VENDOR));
		assertThat(staff).isInstanceOfSatisfying(Requester.Staff.class, s -> assertThat(s.admin()).isFalse());
		assertThat(admin).isInstanceOfSatisfying(Requester.Staff.class, s -> assertThat(s.admin()).isTrue());
		assertThat(staff.partner()).isEmpty();
	}

	@Test
	void staffInAPartnersChannelSpeakForThatPartner() {
		Requester staff = partners.identify(new SlackIdentity("U1", VENDOR, globex.slackChannelIds().get(0), VENDOR));
		assertThat(staff.partner()).map(Partner::id).contains(globex.id());
	}

	@Test
	void aPartnersPersonIsKnownByTheirTeamAndRemembered() {
		String user = unique("U");
		Requester person = partners.identify(new SlackIdentity(user, acme.slackTeamIds().get(0), "D1", VENDOR));
		assertThat(person).isInstanceOf(Requester.PartnerPerson.class);
		assertThat(person.partner()).map(Partner::id).contains(acme.id());
		assertThat(partners.people(acme.id())).contains(user);
		assertThat(partners.people(globex.id())).doesNotContain(user);
	}

	@Test
	void aPartnersPersonInAnotherPartnersChannelIsRefused() {
		Requester person = partners
			.identify(new SlackIdentity("U2", acme.slackTeamIds().get(0), globex.slackChannelIds().get(0), VENDOR));
		assertThat(person).isInstanceOf(Requester.Stranger.class);
		assertThat(person.partner()).isEmpty();
	}

	@Test
	void anUnknownWorkspaceIsAStrangerEvenInAPartnersChannel() {
		Requester stranger = partners
			.identify(new SlackIdentity("U3", "T_NOBODY", acme.slackChannelIds().get(0), VENDOR));
		assertThat(stranger).isInstanceOf(Requester.Stranger.class);
		assertThat(partners.people(acme.id())).doesNotContain("U3");
	}

}
