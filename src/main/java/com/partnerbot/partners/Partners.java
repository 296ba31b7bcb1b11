package com.partnerbot.partners;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner organisations with their Slack teams and channels, in PostgreSQL.
 */
@Repository
@RequiredArgsConstructor
class Partners {

	private static final String SELECT = """
			select p.id, p.name, p.tier, p.created_at, p.channel_manager,
			       coalesce((select array_agg(t.team_id order by t.team_id) from partner_slack_team t where t.partner_id = p.id), '{}') as teams,
			       coalesce((select array_agg(c.channel_id order by c.channel_id) from partner_slack_channel c where c.partner_id = p.id), '{}') as channels
			from partner p
			""";

	private final JdbcClient jdbc;

	@Transactional
	Partner insert(UUID id, NewPartner partner) {
		jdbc.sql("insert into partner (id, name, tier, channel_manager) values (?, ?, ?, ?)")
			.params(id, partner.name().strip(), partner.tier().name(), partner.channelManager())
			.update();
		partner.slackTeamIds()
			.stream()
			.distinct()
			.forEach(team -> jdbc.sql("insert into partner_slack_team (team_id, partner_id) values (?, ?)")
				.params(team, id)
				.update());
		partner.slackChannelIds()
			.stream()
			.distinct()
			.forEach(channel -> jdbc.sql("insert into partner_slack_channel (channel_id, partner_id) values (?, ?)")
				.params(channel, id)
				.update());
		return findById(id).orElseThrow();
	}

	int updateTier(UUID id, Tier tier) {
		return jdbc.sql("update partner set tier = ? where id = ?").params(tier.name(), id).update();
	}

	void assignChannelManager(UUID id, String channelManager) {
		jdbc.sql("update partner set channel_manager = ? where id = ?").params(channelManager, id).update();
	}

	Optional<Partner> findById(UUID id) {
		return jdbc.sql(SELECT + " where p.id = ?").param(id).query(Partners::map).optional();
	}

	Optional<Partner> findByName(String name) {
		return jdbc.sql(SELECT + " where lower(p.name) = lower(?)").param(name.strip()).query(Partners::map).optional();
	}

	Optional<Partner> findByTeam(String teamId) {
		return jdbc.sql(SELECT + " join partner_slack_team t on t.partner_id = p.id where t.team_id = ?")
			.param(teamId)
			.query(Partners::map)
			.optional();
	}

	Optional<Partner> findByChannel(String channelId) {
		return jdbc.sql(SELECT + " join partner_slack_channel c on c.partner_id = p.id where c.channel_id = ?")
			.param(channelId)
			.query(Partners::map)
			.optional();
	}

	List<Partner> findAll() {
		return jdbc.sql(SELECT + " order by p.name").query(Partners::map).list();
	}

	/** Which of these team or channel ids another partner holds already, and who. */
	Map<String, String> teamOwners(List<String> teamIds) {
		return owners("partner_slack_team", "team_id", teamIds);
	}

	Map<String, String> channelOwners(List<String> channelIds) {
		return owners("partner_slack_channel", "channel_id", channelIds);
	}

	private Map<String, String> owners(String table, String column, List<String> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc
			.sql("select x." + column + " as key, p.name from " + table
					+ " x join partner p on p.id = x.partner_id where x." + column + " = any(?)")
			.param(ids.toArray(String[]::new))
			.query((rs, n) -> Map.entry(rs.getString("key"), rs.getString("name")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Remembers a person of a partner who talked to the bot; true when they are new. */
	boolean rememberPerson(UUID partnerId, String slackUserId, String teamId) {
		return jdbc.sql("""
				insert into partner_person (partner_id, slack_user_id, team_id) values (?, ?, ?)
				on conflict (partner_id, slack_user_id) do nothing
				""").params(partnerId, slackUserId, teamId).update() > 0;
	}

	void updateTitle(UUID partnerId, String slackUserId, String title) {
		jdbc.sql("update partner_person set title = ? where partner_id = ? and slack_user_id = ?")
			.params(title, partnerId, slackUserId)
			.update();
	}

	void updateEmail(UUID partnerId, String slackUserId, String email) {
		jdbc.sql("update partner_person set email = ? where partner_id = ? and slack_user_id = ?")
			.params(email, partnerId, slackUserId)
			.update();
	}

	Optional<String> email(UUID partnerId, String slackUserId) {
		return jdbc.sql("select email from partner_person where partner_id = ? and slack_user_id = ?")
			.params(partnerId, slackUserId)
			.query(String.class)
			.optional();
	}

	Optional<String> title(UUID partnerId, String slackUserId) {
		return jdbc.sql("select title from partner_person where partner_id = ? and slack_user_id = ?")
			.params(partnerId, slackUserId)
			.query(String.class)
			.optional();
	}

	List<String> people(UUID partnerId) {
		return jdbc.sql("select slack_user_id from partner_person where partner_id = ? order by first_seen")
			.param(partnerId)
			.query(String.class)
			.list();
	}

	private static Partner map(ResultSet rs, int row) throws SQLException {
		return new Partner(rs.getObject("id", UUID.class), rs.getString("name"), Tier.valueOf(rs.getString("tier")),
				strings(rs, "teams"), strings(rs, "channels"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("channel_manager"));
	}

	private static List<String> strings(ResultSet rs, String column) throws SQLException {
		Object[] values = (Object[]) rs.getArray(column).getArray();
		return Arrays.stream(values).map(String::valueOf).toList();
	}

}
