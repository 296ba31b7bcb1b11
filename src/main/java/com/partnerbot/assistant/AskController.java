package com.partnerbot.assistant;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.partnerbot.knowledge.Audience;
import com.partnerbot.partners.Partner;
import com.partnerbot.partners.PartnerManagement;
import com.partnerbot.platform.InvalidInputException;

import lombok.RequiredArgsConstructor;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@RequiredArgsConstructor
class AskController {

	private final Answering answering;

	private final PartnerManagement partners;

	/**
	 * @param question what to ask
	 * @param partnerId the partner to answer for (its tier decides what content is used);
	 * absent: answered as the vendor's staff
	 * @param conversationId optional: questions sharing it are follow-ups of each other
	 */
	record AskRequest(
			@NotBlank(message = "is required") @Size(max = 2000,
					message = "is longer than 2000 characters") String question,
			UUID partnerId, @Size(max = 200, message = "is longer than 200 characters") String conversationId) {
	}

	record AskResponse(UUID id, String answer, List<Answer.Citation> citations, boolean grounded) {
	}

	@PostMapping("/ask")
	AskResponse ask(@Valid @RequestBody AskRequest request) {
		Audience audience = Audience.staff();
		if (request.partnerId() != null) {
			Partner partner = partners.find(request.partnerId())
				.orElseThrow(() -> new InvalidInputException("partnerId", "no partner with id " + request.partnerId()));
			audience = Audience.tier(partner.tier().label());
		}
		String conversation = (request.conversationId() != null) ? "api:" + request.conversationId()
				: "api:" + UUID.randomUUID();
		Answer answer = answering
			.answer(new Question(request.question().strip(), audience, request.partnerId(), "api", conversation));
		return new AskResponse(answer.id(), answer.text(), answer.citations(), answer.grounded());
	}

	/** Unanswered and downvoted questions, newest first: what the library is missing. */
	@GetMapping("/knowledge/gaps")
	List<AskedQuestion> gaps(@RequestParam(defaultValue = "50") int limit) {
		return answering.gaps(limit);
	}

}
