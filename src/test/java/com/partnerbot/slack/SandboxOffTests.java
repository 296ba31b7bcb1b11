package com.partnerbot.slack;

import org.junit.jupiter.api.Test;

import com.partnerbot.EndToEndTests;

import static org.assertj.core.api.Assertions.assertThat;

/** With Slack credentials set, nothing of the local sandbox is served. */
class SandboxOffTests extends EndToEndTests {

	@Test
	void theSandboxPageAndItsEmulatorAreNotThere() {
		assertThat(api("GET", "/", null, null).statusCode()).isEqualTo(404);
		assertThat(api("GET", "/sandbox/session", null, null).statusCode()).isEqualTo(404);
		assertThat(api("POST", "/sandbox/api/auth.test", "{}", null).statusCode()).isEqualTo(404);
	}

}
