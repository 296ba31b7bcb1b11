package com.partnerbot.mdf;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.platform.ApiError;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A claim put together in its request's conversation, piece by piece: the files a partner
 * shares as proof and what they say about the activity (actual cost, attendance, leads).
 * Each piece is kept; the claim is submitted once nothing the activity needs is missing,
 * and pieces that come while the claim is open are added to it.
 */
@Service
@RequiredArgsConstructor
public class ClaimIntake {

	/** What became of the pieces. */
	public enum Outcome {

		/** Kept; something is still missing. */
		GATHERING,
		/** Nothing was missing: the claim was submitted. */
		SUBMITTED,
		/** Added to the open claim, which goes back to the channel manager. */
		ADDED,
		/** Not taken: the request cannot be claimed (now), or the claim breaks a rule. */
		REFUSED

	}

	/**
	 * Where a claim stands after a partner added to it.
	 *
	 * @param request the request claimed
	 * @param outcome what became of the pieces
	 * @param proof every file gathered so far
	 * @param facts what the partner said so far
	 * @param missing what the claim still needs, for people
	 * @param claim the claim, once submitted
	 * @param refused why the pieces or the claim were not taken
	 */
	public record Progress(MdfRequest request, Outcome outcome, List<MdfClaim.ProofFile> proof, ClaimFacts facts,
			List<String> missing, MdfClaim claim, List<ApiError.FieldError> refused) {
	}

	private final MdfManagement mdf;

	private final FundRequests requests;

	private final ClaimDrafts drafts;

	private final PartnerManagement partners;

	private final Clock clock;

	/**
	 * The partner's request made in a conversation when it waits for its claim, or its
	 * open claim for more proof; never another partner's.
	 */
	public Optional<MdfRequest> awaitingClaim(UUID partnerId, String conversationKey) {
		return requests.inConversation(conversationKey, partnerId)
			.filter(r -> r.status() == RequestStatus.APPROVED
					|| (r.status() == RequestStatus.CLAIMED && openClaim(r).isPresent()));
	}

	/**
	 * Adds files and facts to the claim of the partner's request made in a conversation.
	 * @return empty when the partner made no request there
	 */
	@Transactional
	public Optional<Progress> collect(UUID partnerId, String conversationKey, ClaimFacts said,
			List<MdfClaim.ProofFile> files, String by) {
		Optional<MdfRequest> found = requests.inConversation(conversationKey, partnerId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		MdfRequest request = requests.lock(found.get().id()).orElseThrow();
		return Optional.of(switch (request.status()) {
			case APPROVED -> gather(request, said, files, by);
			case CLAIMED -> addToClaim(request, said, files, by);
			case SUBMITTED -> refused(request, "status", request.reference()
					+ " waits for its channel manager's approval; the claim and its proof come after the activity");
			case PAID -> refused(request, "status", request.reference() + " was paid already");
			case REJECTED -> refused(request, "status", request.reference() + " was not approved, so it has no claim");
			case EXPIRED -> refused(request, "deadline",
					request.reference() + " expired: it was not claimed by " + mdf.claimDue(request));
		});
	}

	private Progress gather(MdfRequest request, ClaimFacts said, List<MdfClaim.ProofFile> files, String by) {
		LocalDate today = LocalDate.now(clock);
		LocalDate due = mdf.claimDue(request);
		if (today.isAfter(due)) {
			return refused(request, "deadline", "claims are due within " + mdf.rules().properties().claimDays()
					+ " days of the activity's end (" + request.endsOn() + "): the last day was " + due);
		}
		ClaimDrafts.Draft before = drafts.find(request.id()).orElse(ClaimDrafts.Draft.EMPTY);
		List<MdfClaim.ProofFile> added = newFiles(before.proof(), files);
		List<MdfClaim.ProofFile> proof = new ArrayList<>(before.proof());
		proof.addAll(added);
		ClaimDrafts.Draft draft = new ClaimDrafts.Draft(before.facts().with(said), List.copyOf(proof));
		if (!added.isEmpty()) {
			requests.audit(request.partnerId(), request.id(), "proof received", by, names(added));
		}
		List<String> missing = missing(request, draft);
		if (!missing.isEmpty()) {
			drafts.save(request.id(), draft, by);
			return new Progress(request, Outcome.GATHERING, draft.proof(), draft.facts(), missing, null, List.of());
		}
		ClaimFacts facts = draft.facts();
		NewClaim claim = new NewClaim(null, facts.actualCost(), facts.attendees(), facts.leads(), draft.proof());
		var tier = partners.get(request.partnerId()).tier();
		claim = new NewClaim(mdf.rules().payable(request, tier, claim), facts.actualCost(), facts.attendees(),
				facts.leads(), draft.proof());
		// checked here first: a refusal inside the claim would roll back the draft too
		List<ApiError.FieldError> errors = mdf.rules().checkClaim(request, tier, claim, today);
		if (!errors.isEmpty()) {
			drafts.save(request.id(), draft, by);
			return new Progress(request, Outcome.REFUSED, draft.proof(), facts, List.of(), null, errors);
		}
		MdfClaim created = mdf.claim(request.id(), claim, by);
		drafts.discard(request.id());
		return new Progress(mdf.get(request.id()), Outcome.SUBMITTED, created.proof(), facts, List.of(), created,
				List.of());
	}

	private Progress addToClaim(MdfRequest request, ClaimFacts said, List<MdfClaim.ProofFile> files, String by) {
		Optional<MdfClaim> open = openClaim(request);
		if (open.isEmpty()) {
			return refused(request, "status", "the claim for " + request.reference() + " was decided already");
		}
		List<MdfClaim.ProofFile> added = newFiles(open.get().proof(), files);
		if (added.isEmpty() && said.isEmpty()) {
			return new Progress(request, Outcome.ADDED, open.get().proof(), ClaimFacts.NONE, List.of(), open.get(),
					List.of());
		}
		MdfClaim claim = mdf.addProof(open.get().id(),
				new NewClaim(null, said.actualCost(), said.attendees(), said.leads(), added), by);
		return new Progress(request, Outcome.ADDED, claim.proof(),
				new ClaimFacts(claim.actualCost(), claim.attendees(), claim.leads()), List.of(), claim, List.of());
	}

	private Optional<MdfClaim> openClaim(MdfRequest request) {
		return mdf.claims(request.id())
			.stream()
			.filter(c -> c.status() == ClaimStatus.SUBMITTED || c.status() == ClaimStatus.MORE_INFO)
			.findFirst();
	}

	/**
	 * What the claim still needs: the activity's proof, the actual cost, attendance,
	 * leads.
	 */
	private List<String> missing(MdfRequest request, ClaimDrafts.Draft draft) {
		List<String> missing = new ArrayList<>(mdf.rules().missingProof(request.activity(), draft.proof()));
		MdfProperties.Activity activity = mdf.rules().properties().activities().get(request.activity());
		if (draft.facts().actualCost() == null) {
			missing.add("the activity's actual total cost");
		}
		if (activity != null && activity.attendanceFloor() != null && draft.facts().attendees() == null) {
			missing.add("how many attended live");
		}
		if (activity != null && activity.leadsRequired() && draft.facts().leads() == null) {
			missing.add("how many leads you uploaded");
		}
		return missing;
	}

	/** The files not shown yet: a Slack file shared twice counts once. */
	private static List<MdfClaim.ProofFile> newFiles(List<MdfClaim.ProofFile> kept, List<MdfClaim.ProofFile> files) {
		List<MdfClaim.ProofFile> added = new ArrayList<>();
		for (MdfClaim.ProofFile file : files) {
			boolean seen = java.util.stream.Stream.concat(kept.stream(), added.stream())
				.anyMatch(k -> (file.fileId() != null) ? file.fileId().equals(k.fileId())
						: Objects.equals(file.name(), k.name()) && Objects.equals(file.url(), k.url()));
			if (!seen && file.name() != null && !file.name().isBlank()) {
				added.add(file);
			}
		}
		return added;
	}

	private static String names(List<MdfClaim.ProofFile> files) {
		return String.join(", ", files.stream().map(MdfClaim.ProofFile::name).toList());
	}

	private static Progress refused(MdfRequest request, String field, String why) {
		return new Progress(request, Outcome.REFUSED, List.of(), ClaimFacts.NONE, List.of(), null,
				List.of(new ApiError.FieldError(field, why)));
	}

}
