package com.partnerbot.knowledge;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param contentDir the enablement content to index
 * @param dataDir where the index lives (under {@code index/})
 */
@ConfigurationProperties("partnerbot")
record ContentProperties(@DefaultValue("./content-index") Path contentDir, @DefaultValue("./data") Path dataDir) {

	Path indexDir() {
		return dataDir.resolve("index");
	}

	/** This instance's copy of the documents admins uploaded. */
	Path uploadsDir() {
		return dataDir.resolve("uploads");
	}

}
