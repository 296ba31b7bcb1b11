package com.partnerbot.assistant;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.partnerbot.knowledge.Audience;
import com.partnerbot.knowledge.KnowledgeBase;
import com.partnerbot.knowledge.KnowledgeProperties;
import com.partnerbot.knowledge.ReindexProgress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers without an LLM, over the demo library: the labelled partner questions of
 * src/test/resources/eval/answers.jsonl must keep the figures in docs/benchmarks.md, and
 * the questions that once failed (issue 13) must be answered as a partner can act on.
 */
class AnswerEvaluationTests {

	static final Path QUESTIONS = Path.of("src/test/resources/eval/answers.jsonl");

	static KnowledgeBase knowledge;

	static AnswerComposer composer;

	@BeforeAll
	static void index() throws IOException {
		Path data = Files.createDirectories(Path.of("target", "test-tmp")).resolve("answers-" + UUID.randomUUID());
		knowledge = KnowledgeBase.open(Path.of("content-index"), data, KnowledgeProperties.defaults());
		knowledge.reindex(ReindexProgress.NONE);
		composer = new AnswerComposer(knowledge, AssistantProperties.defaults(), null, null);
	}

	@AfterAll
	static void close() throws IOException {
		knowledge.destroy();
	}

	private static AnswerComposer.Composed ask(String question, String tier) {
		return composer.compose(new Question(question, Audience.tier(tier), null, "U1", "c"), question);
	}

	@Test
	void theLabelledQuestionsKeepTheirFloors() throws IOException {
		List<AnswerEvaluation.Labelled> questions = AnswerEvaluation.read(QUESTIONS);
		assertThat(questions).hasSizeGreaterThanOrEqualTo(120);
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		Map<String, AnswerEvaluation.Figures> figures = new AnswerEvaluation(knowledge, composer).run(questions,
				new PrintStream(printed, true, StandardCharsets.UTF_8), true, false);
		AnswerEvaluation.Figures all = figures.get("all");
		String report = printed.toString(StandardCharsets.UTF_8);
		// measured 0.900 to 0.908: the HNSW graph of a fresh index differs a little from
		// build to build, so the floor keeps two questions of margin below the 90% aimed
		// at
		assertThat(all.rightFirstCitationRate()).as(report).isGreaterThanOrEqualTo(0.88);
		assertThat(all.factsPresentRate()).as(report).isGreaterThanOrEqualTo(0.80);
		assertThat(all.leaks()).as(report).isZero();
		assertThat(all.prohibitions()).isGreaterThanOrEqualTo(10);
		assertThat(all.prohibitionsBroken()).as(report).isZero();
		assertThat(all.smallTalk()).as(report).isEqualTo(all.greetings());
		// the issue asks for 90%: 95% measured (docs/benchmarks.md), this floor keeps one
		// question of margin so it cannot slip back unnoticed
		assertThat(all.abstainedRate()).as(report).isGreaterThanOrEqualTo(0.90);
		assertThat(figures.get("holdout").leaks()).isZero();
	}

	@Test
	void eachTiersDiscountIsQuotedFromTheTableWithItsNumbers() {
		AnswerComposer.Composed answer = ask("What discount does each tier get?", "Gold");
		assertThat(answer.kind()).isEqualTo(AnswerComposer.Kind.ANSWERED);
		assertThat(answer.text()).contains("*Registered*: Standard discount: 10%", "*Silver*: Standard discount: 15%",
				"*Gold*: Standard discount: 20%", "*Platinum*: Standard discount: 25%");
	}

	@Test
	void aSilverPartnersOwnRowLeads() {
		AnswerComposer.Composed answer = ask("What discount do we get?", "Silver");
		assertThat(answer.text()).startsWith("*As a Silver partner:* Standard discount: 15%");
		assertThat(answer.citations().get(0).source()).isEqualTo("program/tiers-and-benefits.md");
	}

	@Test
	void aProhibitionIsNeverQuotedWithoutItsLeadIn() {
		for (String question : List.of("Can we resell Secure Gateway to a federal agency?",
				"Can we say Secure Gateway is FedRAMP authorized in our marketing?",
				"Can we publish our partner discounts on our website?")) {
			String text = ask(question, "Silver").text();
			int item = text.indexOf("Describe FedRAMP authorization for Secure Gateway as complete");
			if (item >= 0) {
				assertThat(text.lastIndexOf("You may not:", item)).as(text).isGreaterThanOrEqualTo(0);
			}
		}
		String text = ask("Can we say Secure Gateway is FedRAMP authorized in our marketing?", "Silver").text();
		assertThat(text).contains("You may not:\n> • Promise unreleased features",
				"> • Describe FedRAMP authorization for Secure Gateway as complete.");
	}

	@Test
	void anFaqEntryAskingTheQuestionLeadsWithItsAnswer() {
		// issue 13, "the direct answer first": these led with the rules' list, not with
		// the
		// FAQ entry whose heading is nearly the question
		AnswerComposer.Composed size = ask("what's the minimum deal size for registration?", "Silver");
		assertThat(size.citations().get(0).source()).isEqualTo("deals/deal-registration-faq.md");
		assertThat(size.citations().get(0).section()).endsWith("Is there a minimum deal size?");
		// the entry is quoted whole under its question, its answer first
		assertThat(size.text()).startsWith("_Deal Registration FAQ > Eligibility > Is there a minimum deal size?_\n"
				+ "> Yes. The estimated first-year contract value must be at least $5,000. [1]");
		AnswerComposer.Composed window = ask("what's the protection window for a registered deal?", "Silver");
		assertThat(window.citations().get(0).source()).isEqualTo("deals/deal-registration-faq.md");
		assertThat(window.text()).startsWith("_Deal Registration FAQ > Protection and timing > "
				+ "What is the protection period on a registered deal?_\n"
				+ "> 90 days from the date your registration is approved. You can request one 30-day extension");
		// the product's own FAQ, not another product's entry with the same heading
		AnswerComposer.Composed uptime = ask("What is the uptime commitment for Secure Gateway?", "Silver");
		assertThat(uptime.citations().get(0).source()).isEqualTo("products/secure-gateway-faq.md");
	}

	@Test
	void anFaqEntryIsNeverQuotedWithoutTheSentenceThatLeadsIt() {
		// its first sentence was pulled above its heading and the entry quoted without
		// it, as if "Extension requests are answered within 2 business days." were all it
		// says
		AnswerComposer.Composed answer = ask("How long does approval take?", "Silver");
		assertThat(answer.citations().get(0).section()).endsWith("How long does approval take?");
		assertThat(answer.text()).startsWith(
				"_Deal Registration FAQ > Protection and timing > How long does approval take?_\n> Channel managers "
						+ "decide within 3 business days of a complete submission. Extension requests are answered "
						+ "within 2 business days. [1]");
		assertThat(answer.text().split("Channel managers decide within 3 business days", -1)).hasSize(2);
	}

	@Test
	void aCountOrACodeThatNoQuoteHoldsIsNotAnswered() {
		// issue 13: answered with the tier table's certified engineers, and with the
		// tier discounts and the conference's dates
		for (String question : List.of("How many employees does Northwind have?",
				"How many offices does Northwind have in Europe?", "What's the promo code for the Northwind Academy?",
				"Is there a registration code for Northwind Connect 2026?")) {
			AnswerComposer.Composed answer = ask(question, "Gold");
			assertThat(answer.kind()).as(answer.text()).isEqualTo(AnswerComposer.Kind.DONT_KNOW);
			assertThat(answer.text()).as(question).contains("A channel manager can answer it");
			assertThat(answer.citations()).as(question).isEmpty();
		}
	}

	@Test
	void countsTheLibraryHoldsAreStillAnswered() {
		// written for the count check from reading the library, not labelled lines: a
		// count it refused would be a partner's question left unanswered
		String asked = """
				Platinum | How many certified engineers does a Platinum partner need? | 4 certified engineers
				Platinum | How many free passes to Northwind Connect do we get? | 2
				Silver | How many Certified Sales Professionals do we need for Silver? | 1 Certified Sales Professional
				Gold | How many attempts at an exam are allowed in a year? | 3 attempts
				Gold | How many live attendees does a webinar need to get full MDF reimbursement? | 15 live attendees
				Silver | How many named accounts does Northwind direct sales manage? | 1,200
				Platinum | How many customer environments can we name for an early access feature? | 3 customer environments
				Silver | How many connectors does Analytics Suite come with? | 120 native connectors
				Gold | How many concurrent demo tenants can a Gold partner run? | 5
				Silver | How many users is the minimum order for Analytics Suite? | 10 users
				Silver | How many hours of courses is the Secure Gateway Deployment Specialist path? | 10 hours
				Gold | How many times can we extend a deal registration? | one
				Silver | How many users can a trial of Analytics Suite have? | 25 users
				Silver | How many days do we have to submit an MDF claim after the activity? | 60 days
				Platinum | How many meetings can a council member miss before being replaced? | 2 consecutive meetings
				Silver | How many business days does the Deal Desk take to decide an appeal? | 5 business days
				Silver | How many points of presence does Secure Gateway have? |
				Gold | How many certs do we need for Gold? |
				""";
		// the last two are answered, though not yet with the number: the check does not
		// refuse them
		for (String line : asked.strip().split("\n")) {
			String[] question = line.split("\\|", -1);
			AnswerComposer.Composed answer = ask(question[1].strip(), question[0].strip());
			assertThat(answer.kind()).as(line).isEqualTo(AnswerComposer.Kind.ANSWERED);
			assertThat(answer.text()).as(line).contains(question[2].strip());
		}
	}

	@Test
	void aSectionTheQuestionNamesByItsHeadingsIsTheAnswer() {
		// issue 13: abstained (the checklist's items resemble the question little), and
		// once answered from "Days 61-90" for its survey item "Your first 30 days"
		AnswerComposer.Composed answer = ask("what happens in the first 30 days?", "Silver");
		assertThat(answer.kind()).isEqualTo(AnswerComposer.Kind.ANSWERED);
		assertThat(answer.citations().get(0).source()).isEqualTo("program/onboarding-checklist.txt");
		assertThat(answer.citations().get(0).section()).startsWith("DAYS 1-30");
		assertThat(answer.text()).contains("Sign the Northwind Cloud Partner Agreement").doesNotContain("DAYS 61-90");
	}

	@Test
	void aHowQuestionLeadsWithTheStepsAndAParagraphIsNeverLeftLeaningOnItsOpening() {
		// the glossary's definition led, its own first sentence pulled above its heading
		// and "Gold needs 2; Platinum needs 4, covering all three products." quoted alone
		AnswerComposer.Composed how = ask("how do I get certified as an engineer?", "Silver");
		assertThat(how.kind()).isEqualTo(AnswerComposer.Kind.ANSWERED);
		assertThat(how.citations().get(0).source()).isEqualTo("program/training-and-certification.md");
		assertThat(how.text()).contains("Secure Gateway Deployment Specialist*: Role: Engineer");
		AnswerComposer.Composed what = ask("what is a certified engineer?", "Silver");
		assertThat(what.citations().get(0).source()).isEqualTo("program/program-terms-glossary.txt");
		assertThat(what.text()).startsWith("_NORTHWIND CLOUD PARTNER PROGRAM: GLOSSARY OF TERMS > CERTIFIED ENGINEER_\n"
				+ "> An employee with a current Certified Solutions Engineer");
		for (String text : List.of(how.text(), what.text())) {
			int rest = text.indexOf("Gold needs 2; Platinum needs 4");
			if (rest >= 0) {
				assertThat(text.substring(0, rest)).as(text).endsWith("Deployment Specialist certification. ");
			}
		}
	}

	@Test
	void whomToContactIsAnsweredWithTheAddress() {
		// issue 13: answered from the extension and named-account FAQ entries, no address
		AnswerComposer.Composed answer = ask("who do I contact about a deal registration?", "Silver");
		assertThat(answer.kind()).isEqualTo(AnswerComposer.Kind.ANSWERED);
		String first = answer.text().split("\n\n")[0];
		assertThat(first).as(answer.text()).contains("Deal registration: deal-desk@northwind.example");
	}

	@Test
	void aFederalAgencyIsAnsweredWithTheFedRampStatusFirst() {
		// issue 13: once answered "Describe FedRAMP authorization for Secure Gateway as
		// complete.", an item of the brand guide's "You may not:" list
		AnswerComposer.Composed answer = ask("Can we resell Secure Gateway to a federal agency?", "Silver");
		assertThat(answer.kind()).isEqualTo(AnswerComposer.Kind.ANSWERED);
		assertThat(answer.citations().get(0).source()).isEqualTo("products/secure-gateway-faq.md");
		String first = answer.text().split("\n\n")[0];
		assertThat(first).as(answer.text()).contains("FedRAMP Moderate", "in process");
		int item = answer.text().indexOf("Describe FedRAMP authorization");
		if (item >= 0) {
			assertThat(answer.text().lastIndexOf("You may not:", item)).as(answer.text()).isGreaterThanOrEqualTo(0);
		}
	}

	@Test
	void aQuestionAboutAWordTheLibraryNeverUsesIsNotAnsweredFromItsOtherWords() {
		// about Bitcoin and Kubernetes, not about invoices or Data Pipeline
		for (String question : List.of("Can we pay our Northwind invoices in Bitcoin?",
				"Does Northwind offer a Kubernetes operator for Data Pipeline?")) {
			AnswerComposer.Composed answer = ask(question, "Silver");
			assertThat(answer.kind()).as(question).isEqualTo(AnswerComposer.Kind.DONT_KNOW);
			assertThat(answer.citations()).as(question).isEmpty();
		}
		// "ago" is not what the question is about: the MDF claim deadline is
		AnswerComposer.Composed answer = ask("our webinar ended 70 days ago, can we still claim MDF for it?", "Silver");
		assertThat(answer.kind()).isEqualTo(AnswerComposer.Kind.ANSWERED);
		assertThat(answer.text()).contains("60 days");
		// an abbreviation of a word the library uses is that word
		assertThat(composer.unknownWords("is there a cost for the technical cert exams")).isEmpty();
		// a word of several terms the library never uses is named once
		assertThat(composer.unknownWords("is DR-1001 approved?")).containsExactly("DR-1001");
		// words of talk are not what the library lacks
		assertThat(composer.unknownWords("thanks! anything else about the Zorblax rebate, actually?"))
			.containsExactly("Zorblax", "rebate");
	}

	@Test
	void whoTheAskersOwnPersonIsIsNotQuotedFromTheDocumentsAboutTheRole() {
		// issue 13: quoted the Rules of Engagement's "Your channel manager ... reviews
		// each
		// registration" lead-in; the library is the same for every partner
		AnswerComposer.Composed answer = ask("Who is my channel manager?", "Silver");
		assertThat(answer.kind()).isEqualTo(AnswerComposer.Kind.OWN_RECORD);
		assertThat(answer.text()).startsWith(AnswerComposer.NOT_IN_THE_LIBRARY_OURS)
			.contains("A channel manager can answer it");
		assertThat(answer.citations()).isEmpty();
		// what the role does is the library's
		AnswerComposer.Composed role = ask("How long does the channel manager take to approve a registration?",
				"Silver");
		assertThat(role.kind()).isEqualTo(AnswerComposer.Kind.ANSWERED);
		assertThat(role.text()).contains("3 business days");
	}

	@Test
	void greetingsAndThanksGetAShortFriendlyReply() {
		assertThat(ask("hi", "Silver").text()).isEqualTo(AnswerComposer.GREETING);
		assertThat(ask("thanks!", "Silver").text()).isEqualTo(AnswerComposer.THANKS);
		assertThat(ask("hi", "Silver").kind()).isEqualTo(AnswerComposer.Kind.SMALL_TALK);
	}

	@Test
	void outOfLibraryQuestionsAreIDontKnowWithoutQuotes() {
		for (String question : List.of("What is the capital of Mongolia?",
				"Is there a referral bonus for bringing another partner into the program?",
				"Can I bring my dog to Northwind Connect?")) {
			AnswerComposer.Composed answer = ask(question, "Silver");
			assertThat(answer.kind()).as(question).isEqualTo(AnswerComposer.Kind.DONT_KNOW);
			assertThat(answer.text()).as(question)
				.startsWith("I don't know")
				.contains("A channel manager can answer it");
			assertThat(answer.citations()).isEmpty();
		}
		// what the library never mentions is named, so the partner sees why
		assertThat(ask("Can I bring my dog to Northwind Connect?", "Silver").text()).contains("about “dog” in the");
	}

	@Test
	void theShippedAbstentionBoundsAreTheOnesTheTunePartSets() throws IOException {
		List<AnswerEvaluation.Labelled> questions = AnswerEvaluation.read(QUESTIONS);
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
		AssistantProperties tuned = AnswerEvaluation.tune(questions, knowledge, AssistantProperties.defaults(), out,
				false);
		List<AnswerEvaluation.Labelled> tunePart = questions.stream().filter(q -> q.split().equals("tune")).toList();
		AnswerEvaluation.Figures withTuned = new AnswerEvaluation(knowledge,
				new AnswerComposer(knowledge, tuned, null, null))
			.run(tunePart, out, false, false)
			.get("all");
		AnswerEvaluation.Figures shipped = new AnswerEvaluation(knowledge, composer).run(tunePart, out, false, false)
			.get("all");
		String report = printed.toString(StandardCharsets.UTF_8);
		// the held-out part never sets a bound; one question of margin for a fresh
		// index's HNSW graph
		assertThat(shipped.abstained()).as(report).isGreaterThanOrEqualTo(withTuned.abstained() - 1);
		assertThat(shipped.rightFirstCitation()).as(report).isGreaterThanOrEqualTo(withTuned.rightFirstCitation() - 1);
	}

	@Test
	void aTierThePartnerCannotSeeIsNamedWithoutItsContent() {
		AnswerComposer.Composed answer = ask("What's the Gold price for Analytics Suite Enterprise?", "Silver");
		assertThat(answer.kind()).isEqualTo(AnswerComposer.Kind.RESTRICTED);
		assertThat(answer.text()).contains("for Gold and Platinum partners only").doesNotContain("$60.00", "$56.25");
		assertThat(answer.citations()).isEmpty();
	}

	@Test
	void withoutAnLlmOtherLanguagesAreToldTheLibraryIsInEnglish() {
		AnswerComposer.Composed answer = ask("Wie viel MDF bekommen wir als Silver-Partner?", "Silver");
		assertThat(answer.kind()).isEqualTo(AnswerComposer.Kind.OTHER_LANGUAGE);
		assertThat(answer.text()).startsWith("I search the enablement library in English")
			.contains("This is what I found that matches");
		assertThat(answer.citations()).isNotEmpty();
		AnswerComposer.Composed nothing = ask("Wo ist das beste Restaurant in Hamburg?", "Silver");
		assertThat(nothing.text()).startsWith("I search the enablement library in English")
			.contains("Could you ask in English?")
			.doesNotContain("This is what I found");
		assertThat(nothing.citations()).isEmpty();
	}

	@Test
	void aGlossarysOtherWordsForATermAreSearchedAsTheTerm() {
		// program-terms-glossary.txt: "DEAL REGISTRATION ... Also called: deal reg, ..."
		assertThat(knowledge.aliases()).containsEntry("deal reg", "deal registration")
			.containsEntry("co-op funds", "market development funds (mdf)");
		assertThat(composer.inLibraryWords("Who approves a Deal Reg?", false))
			.isEqualTo("Who approves a deal registration?");
		assertThat(composer.inLibraryWords("Who approves a Deal Reg?", true))
			.isEqualTo("Who approves a Deal Reg (deal registration)?");
		assertThat(composer.inLibraryWords("Is a deal registered?", false)).isEqualTo("Is a deal registered?");
		AnswerComposer.Composed answer = ask("How long does a deal reg stay protected?", "Silver");
		assertThat(answer.kind()).isEqualTo(AnswerComposer.Kind.ANSWERED);
		assertThat(answer.text()).contains("90 days").doesNotContain("Also called");
	}

	@Test
	void theCommandPrintsTheFigures() throws IOException {
		long answerable = AnswerEvaluation.read(QUESTIONS)
			.stream()
			.filter(AnswerEvaluation.Labelled::answerable)
			.count();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Path data = Path.of("target", "test-tmp", "answers-command-" + UUID.randomUUID());
		int code = AnswerEvalCommand.run(
				new String[] { "eval", "answers", "--questions", QUESTIONS.toString(), "--data", data.toString() },
				Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("Answering without an LLM")
			.containsPattern("all: right-first-citation=[01]\\.\\d{3} \\(\\d+/" + answerable + "\\) facts-present=")
			.contains("leaks=0", "prohibitions-as-instructions=0");
	}

}
