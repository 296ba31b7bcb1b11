package com.partnerbot.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every module.
 *
 * @param dataDir where the embedded database and the search index live
 * @param adminToken bearer token for {@code /api/**}; blank means the API refuses
 * everyone
 */
@ConfigurationProperties("partnerbot")
public record PlatformProperties(@DefaultValue("./data") Path dataDir, String adminToken) {

	public boolean apiEnabled() {
		return adminToken != null && !adminToken.isBlank();
	}

}
