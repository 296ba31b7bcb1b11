package com.partnerbot.mdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Claims being put together in their request's thread, in PostgreSQL. */
@Repository
@RequiredArgsConstructor
class ClaimDrafts {

	/** What a claim has gathered so far. */
	record Draft(ClaimFacts facts, List<MdfClaim.ProofFile> proof) {

		static final Draft EMPTY = new Draft(ClaimFacts.NONE, List.of());

	}

	private final JdbcClient jdbc;

	Optional<Draft> find(UUID requestId) {
		return jdbc.sql("select * from mdf_claim_draft where request_id = ? for update")
			.param(requestId)
			.query((rs,
					n) -> new Draft(new ClaimFacts(rs.getBigDecimal("actual_cost"), (Integer) rs.getObject("attendees"),
							(Integer) rs.getObject("leads")), new ArrayList<>(FundRequests.proof(rs))))
			.optional();
	}

	void save(UUID requestId, Draft draft, String by) {
		jdbc.sql("""
				insert into mdf_claim_draft (request_id, actual_cost, attendees, leads, proof_file_ids, proof_names,
				    proof_urls, updated_by)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (request_id) do update set actual_cost = excluded.actual_cost,
				    attendees = excluded.attendees, leads = excluded.leads, proof_file_ids = excluded.proof_file_ids,
				    proof_names = excluded.proof_names, proof_urls = excluded.proof_urls,
				    updated_by = excluded.updated_by, updated_at = now()
				""")
			.params(requestId, draft.facts().actualCost(), draft.facts().attendees(), draft.facts().leads(),
					FundRequests.fileIds(draft.proof()), FundRequests.names(draft.proof()),
					FundRequests.urls(draft.proof()), by)
			.update();
	}

	void discard(UUID requestId) {
		jdbc.sql("delete from mdf_claim_draft where request_id = ?").param(requestId).update();
	}

}
