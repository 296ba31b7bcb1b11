package com.partnerbot.knowledge;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The cluster's content version in PostgreSQL; a new version is announced on the
 * {@value #CHANNEL} channel, which {@link ClusterIndexFollower} listens to.
 */
@Repository
@RequiredArgsConstructor
class JdbcContentVersions implements ContentVersions {

	static final String CHANNEL = "partnerbot_content";

	private static final Logger log = LoggerFactory.getLogger(JdbcContentVersions.class);

	private final JdbcClient jdbc;

	private final String instance = instanceName();

	@Override
	public Optional<String> current() {
		return jdbc.sql("select fingerprint from knowledge_version where id = 1").query(String.class).optional();
	}

	@Override
	public void publish(ReindexReport report) {
		int changed = jdbc.sql("""
				insert into knowledge_version (id, fingerprint, chunks, indexed_by) values (1, ?, ?, ?)
				on conflict (id) do update set fingerprint = excluded.fingerprint, chunks = excluded.chunks,
				    indexed_by = excluded.indexed_by, indexed_at = now()
				where knowledge_version.fingerprint <> excluded.fingerprint
				""").params(report.version(), report.chunks(), instance).update();
		if (changed > 0) {
			jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, report.version()).query((rs, n) -> n).list();
			log.info("Content version {} published to the cluster ({} chunks)", report.version(), report.chunks());
		}
	}

	private static String instanceName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown-host";
		}
		return host + "/" + ProcessHandle.current().pid();
	}

}
