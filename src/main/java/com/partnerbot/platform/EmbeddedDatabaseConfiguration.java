package com.partnerbot.platform;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Without {@code SPRING_DATASOURCE_URL} the bot runs on its own PostgreSQL under
 * {@code PARTNERBOT_DATA_DIR/postgres}, so a newcomer needs nothing installed.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

	@Bean
	@ConditionalOnMissingBean(DataSource.class)
	HikariDataSource dataSource(PlatformProperties properties) {
		Path dir = properties.dataDir().resolve("postgres");
		HikariDataSource dataSource = new LeasingDataSource(dir);
		dataSource.setJdbcUrl(EmbeddedDatabase.start(dir));
		dataSource.setUsername("postgres");
		dataSource.setPassword("postgres");
		dataSource.setPoolName("embedded");
		dataSource.setMaximumPoolSize(20);
		return dataSource;
	}

	/** Closes its pool, then returns its lease on the server under it. */
	static class LeasingDataSource extends HikariDataSource {

		private final Path dir;

		private final AtomicBoolean released = new AtomicBoolean();

		LeasingDataSource(Path dir) {
			this.dir = dir;
		}

		@Override
		public void close() {
			super.close();
			if (released.compareAndSet(false, true)) {
				EmbeddedDatabase.release(dir);
			}
		}

	}

	static class NoExternalDatabase implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}

	}

}
