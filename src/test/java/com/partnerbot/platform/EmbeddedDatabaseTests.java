package com.partnerbot.platform;

import java.nio.file.Path;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseTests {

	@Test
	void dataSurvivesARestart(@TempDir Path dataDir) {
		Path dir = dataDir.resolve("postgres");
		JdbcClient first = client(EmbeddedDatabase.start(dir));
		Flyway.configure()
			.dataSource(dataSource(EmbeddedDatabase.start(dir)))
			.locations("classpath:db/migration")
			.load()
			.migrate();
		first.sql("insert into partner (id, name, tier) values (gen_random_uuid(), 'Survivor Ltd', 'GOLD')").update();

		EmbeddedDatabase.stop(dir);
		JdbcClient second = client(EmbeddedDatabase.start(dir));

		assertThat(second.sql("select tier from partner where name = 'Survivor Ltd'").query(String.class).single())
			.isEqualTo("GOLD");
		EmbeddedDatabase.stop(dir);
	}

	private static JdbcClient client(String url) {
		return JdbcClient.create(dataSource(url));
	}

	private static DriverManagerDataSource dataSource(String url) {
		return new DriverManagerDataSource(url, "postgres", "postgres");
	}

}
