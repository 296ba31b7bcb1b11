package com.partnerbot.deals;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a deal registration from a partner's message, e.g. "register Initech,
 * initech.com, 40 seats of Analytics Suite, about $120k, closing end of March".
 * <p>
 * Each kind of field is read in turn and blanked out of the text, so that a later rule
 * cannot read it again: addresses first (so domain digits are no amount), then seat
 * counts (so "40 seats" is no amount), close dates (so "2027" is no amount), amounts,
 * products, and last the customer name from what is left. What was seen but not
 * understood becomes a problem for the partner rather than a guess. Rules worth knowing:
 * <ul>
 * <li>Numeric dates are day/month/year unless only month/day/year makes a date, or
 * day/month would be past and month/day not: "04/03/2027" is 4 March 2027, "03/31/2027"
 * is 31 March 2027, and on 23 November 2026 "12/11/2026" is 11 December. A two-digit year
 * is in the 2000s. "31/12" without a year is a date only after a word like
 * "closing".</li>
 * <li>A date without a year is the next one that is not past. A month or quarter without
 * a year is the next one that has not ended, so in March "end of March" is this March.
 * Quarters are calendar quarters. "next month" is the end of next month, "this quarter"
 * the end of this quarter, "mid-April" the 15th.</li>
 * <li>A date is the close date when a word like "closing", "expected", "by", "in", "due"
 * or "end of" comes before it in the same clause, or when it stands alone between commas.
 * Otherwise it is ignored ("we met on March 3"). A month name alone ("May") needs such a
 * word. Among several, the first with such a word wins. A close date in the past is a
 * problem, not a date.</li>
 * <li>A number is an amount only with a currency, a k/m/bn multiplier, or a word like
 * "budget", "worth", "value" or "deal size" before it. The first amount wins. "$" is USD;
 * C$/CA$ is CAD and A$/AU$ is AUD; other currencies are a problem. "1,250" is one
 * thousand two hundred and fifty; "€50.000" (a dot before exactly three digits, no
 * multiplier) is fifty thousand, as Europeans write it; "1,5M" is one and a half million.
 * A range ("120-150k") or a price ("$500 per seat", "€2k a month") is a problem unless a
 * plain amount follows.</li>
 * <li>The contact e-mail keeps its mailbox as written and lowercases its domain. The
 * customer domain is the first web address or domain in the message, else the domain of
 * the first e-mail address; domains of public mail providers are never the customer's.
 * </li>
 * <li>Products are matched whole (ignoring case, spaces and hyphens), or by a word only
 * one product has and that is not a generic word like "Suite" or "Data" ("Gateway"). A
 * phrase within two edits of a product name is a problem with a suggestion, not a
 * product.</li>
 * <li>The customer is read after "customer:" and the like, else after "register", "deal
 * for", "deal with" and the like, else from the start of the message if it is capitalised
 * (so that a reply like "make it 60 seats" names no customer), else after a capitalised
 * "for". It ends at punctuation, a dash, or a word like "for", "with" or "closing"; ",
 * Inc." and "S.A." stay part of it.</li>
 * </ul>
 */
final class DealTextParser {

	/**
	 * Currencies a deal can be registered in.
	 */
	static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "CAD", "AUD");

	// Slack messages hold up to 40,000 characters; a deal is said in far fewer, and
	// reading fewer bounds the cost of the rules
	private static final int MAX_TEXT = 20_000;

	// stands in for what an earlier rule has read: no rule matches it and it ends a name
	private static final char MASK = '\u0000';

	private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	// addresses

	private static final String HOST = "((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.){1,10}([a-z]{2,24}))";

	private static final Pattern EMAIL = Pattern
		.compile("(?<![\\w.+%-])([a-z0-9._%+-]{1,64})@" + HOST + "(?![\\w-]|\\.[a-z0-9])", CI);

	private static final Pattern URL = Pattern
		.compile("\\bhttps?://(?:[^\\s/@]{1,64}@)?" + HOST + "(?::\\d{1,5})?(?:[/?#][^\\s,;()<>|]{0,500})?", CI);

	private static final Pattern DOMAIN = Pattern.compile(
			"(?<![\\w@.\\-/])(?:www\\.)?" + HOST + "(?::\\d{1,5})?(?:/[^\\s,;()<>|]{0,500})?(?![\\w-]|\\.[a-z0-9])",
			CI);

	// endings of file names and code that look like domains: "proposal.pdf", "node.js"
	private static final Set<String> NOT_TOP_LEVEL_DOMAINS = Set.of("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx",
			"csv", "txt", "png", "jpg", "jpeg", "gif", "zip", "js", "json", "html", "htm", "exe");

	// seats

	private static final String COUNT = "(\\d{1,3}(?:,\\d{3}){1,2}|\\d{1,9})";

	private static final Pattern SEATS = Pattern.compile("(?<![\\w.,$€£])" + COUNT
			+ "\\s*\\+?\\s*(?:(?:named|concurrent|additional|more|new|user|end[- ]user)\\s+){0,2}"
			+ "(?:seats?|users?|licen[cs]es?)\\b", CI);

	private static final Pattern SEATS_LABELLED = Pattern
		.compile("\\b(?:seats?|users?|licen[cs]es?|seat\\s+count)\\s*[:=]?\\s*" + COUNT + "(?![\\w]|[.,/-]\\d)", CI);

	// dates

	private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
			+ "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b\\.?";

	private static final List<DateForm> DATE_FORMS = List.of(
			new DateForm("(?<![\\d./-])(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?!\\d|[-/.]\\d)", DateKind.EXPLICIT,
					DealTextParser::isoDate),
			new DateForm("(?<![\\d./-])(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})(?!\\d|[-/.]\\d)",
					DateKind.EXPLICIT, DealTextParser::numericDate),
			// "31/12" could be a fraction or a ratio unless said to be a date
			new DateForm("(?<![\\d./-])(\\d{1,2})/(\\d{1,2})(?![\\d/]|[.-]\\d)", DateKind.NEEDS_CUE,
					DealTextParser::dayMonthNumeric),
			new DateForm("\\b" + MONTH + "\\s*(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s*(\\d{4})\\b)?", DateKind.EXPLICIT,
					DealTextParser::monthDay),
			new DateForm("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:of\\s+)?" + MONTH + "(?:,?\\s*(\\d{4})\\b)?",
					DateKind.EXPLICIT, DealTextParser::dayMonth),
			new DateForm("\\b(end|late|mid|middle|start|beginning|early)(?:\\s+of)?(?:\\s+the)?(?:\\s*-\\s*|\\s+)"
					+ MONTH + "(?:,?\\s*(\\d{4})\\b)?", DateKind.RELATIVE, DealTextParser::partOfMonth),
			new DateForm("\\b" + MONTH + ",?\\s*(\\d{4})\\b", DateKind.EXPLICIT, DealTextParser::monthOfYear),
			// a month alone is often another word, like "may": it needs a cue
			new DateForm("\\b" + MONTH + "(?!\\s*\\d)", DateKind.NEEDS_CUE, DealTextParser::wholeMonth),
			new DateForm(
					"\\b(?:(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?)?(?:q([1-4])|(first|second|third|fourth|1st|2nd"
							+ "|3rd|4th)\\s+quarter)\\b(?:\\s*(?:'|fy\\s*)(\\d{2})\\b|[\\s/-]*(?:of\\s+)?(\\d{4})\\b)?",
					DateKind.EXPLICIT, DealTextParser::quarter),
			// "closing tomorrow"; "we met today" is not a close date, so these need a cue
			new DateForm("\\b(yesterday|today|tomorrow)\\b", DateKind.NEEDS_CUE,
					(match, today) -> today.plusDays(switch (match.group(1).toLowerCase(Locale.ROOT)) {
						case "yesterday" -> -1;
						case "tomorrow" -> 1;
						default -> 0;
					})),
			new DateForm("\\bnext\\s+month\\b", DateKind.RELATIVE,
					(match, today) -> YearMonth.from(today).plusMonths(1).atEndOfMonth()),
			new DateForm(
					"\\b(?:(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+)?month|this\\s+month|month[-\\s]?end|eom)\\b",
					DateKind.RELATIVE, (match, today) -> YearMonth.from(today).atEndOfMonth()),
			new DateForm("\\b(?:(?:the\\s+)?end\\s+of\\s+)?next\\s+quarter\\b", DateKind.RELATIVE,
					(match, today) -> endOfQuarter(today).plusMonths(3).atEndOfMonth()),
			new DateForm(
					"\\b(?:(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+)?quarter|this\\s+quarter|quarter[-\\s]?end|eoq)\\b",
					DateKind.RELATIVE, (match, today) -> endOfQuarter(today).atEndOfMonth()),
			new DateForm("\\b(?:(?:the\\s+)?end\\s+of\\s+)?next\\s+year\\b", DateKind.RELATIVE,
					(match, today) -> LocalDate.of(today.getYear() + 1, 12, 31)),
			new DateForm(
					"\\b(?:(?:(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+)?year|this\\s+year|year[-\\s]?end|eoy)\\b"
							+ "(?:\\s*(\\d{4})\\b)?|end\\s+of\\s+(\\d{4})\\b)",
					DateKind.RELATIVE, DealTextParser::endOfYear),
			new DateForm(
					"\\b(?:in|within)\\s+(?:the\\s+next\\s+)?(\\d{1,4}|an?|one|two|three|four|five|six|seven|eight"
							+ "|nine|ten|eleven|twelve)\\s+(days?|weeks?|months?|years?)\\b",
					DateKind.RELATIVE, DealTextParser::afterPeriod));

	private static final Pattern CLOSE_CUE = Pattern.compile("\\b(?:clos\\w*|expect\\w*|by|in|within|until|till"
			+ "|before|due|target\\w*|eta|deadline|end\\s+of|decision|timeline|timing|when)\\b", CI);

	// what may stand between a clause's start and a date that still stands alone
	private static final Pattern DATE_FILLER = Pattern
		.compile("(?:\\s|and|&|on|date|the|around|about|approx\\.?|approximately|roughly|est\\.?|estimated|~)*", CI);

	private static final String DATE_SEPARATORS = ",;:()[]{}<>|!?\n–—" + MASK;

	// amounts

	private static final String CODES = "usd|eur|gbp|cad|aud|jpy|chf|cny|rmb|inr|nzd|sgd|hkd|sek|nok|dkk|pln|mxn"
			+ "|brl|zar|btc|eth";

	private static final String NUMBER = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?"
			+ "|\\d{1,3}(?: \\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?";

	private static final Pattern AMOUNT = Pattern.compile(
			"(?<![\\w.,$€£¥])" + "(?:(?<symbol>(?:cad|ca|c|aud|au|a|usd|us|nz|hk|sg|s|mx|r)?\\$|€|£|¥)\\s?"
					+ "|(?<code>" + CODES + ")(?![a-z])\\s{0,2})?" + "(?<number>" + NUMBER + ")(?![.,]?\\d)"
					+ "(?:\\s?(?<scale>thousand|million|billion|mio|mil|mm|mn|bn|k|m)\\b|(?<billions>b)\\b)?"
					+ "(?:\\s{0,2}(?:in\\s+)?(?<suffix>[€£$]|(?:" + CODES + ")\\b|bitcoins?\\b|ether\\b"
					+ "|(?:(?:us|u\\.s\\.|american|canadian|australian|aussie)\\s+)?dollars?\\b"
					+ "|bucks\\b|euros?\\b|pounds?(?:\\s+sterling)?\\b|sterling\\b|quid\\b))?" + "(?![\\p{L}\\p{N}])",
			CI);

	// "-5k", "minus 5k": a sign before an amount ("Suite - 50k" is a dash, not a sign)
	private static final Pattern NEGATIVE = Pattern.compile("(?:(?:^|\\s)[-−]|\\bminus\\s+)$", CI);

	private static final Pattern AMOUNT_CUE = Pattern.compile("\\b(?:budget\\w*|worth|value[ds]?|deal\\s+size|amount"
			+ "|total|price[ds]?|pricing|tcv|acv|arr|contract\\s+value)\\b", CI);

	// "$3,000 per seat": a price, which times the seats may or may not be the deal size
	private static final Pattern RATE = Pattern
		.compile("(\\s*(?:per|/|an?|each)\\s*(?:seat|user|licen[cs]e|month|mo)s?)\\b", CI);

	// "120-150k USD", "$120k to $150k": the partner says which end is the deal size
	private static final Pattern RANGE_START = Pattern
		.compile("(?<![\\w.,])(?:[a-z]{0,3}\\$|€|£)?(?!(?:19|20)\\d\\d\\s*(?:-|–|to))\\d[\\d.,]*\\s?(?:k|m|mm|bn)?"
				+ "\\s*(?:-|–|to)\\s*$", CI);

	private static final Pattern RANGE_END = Pattern.compile("\\s*(?:-|–|to)\\s*(?:[a-z]{0,3}\\$|€|£)?\\d[\\d.,]*"
			+ "(?:\\s?(?:k|m|mm|mn|bn|thousand|million)\\b)?(?:\\s?(?:usd|eur|gbp|cad|aud)\\b)?"
			+ "(?![\\d.,]|\\s*(?:years?|yrs?|months?|weeks?|days?|seats?|users?|licen[cs]es?|%))", CI);

	private static final String AMOUNT_SEPARATORS = ",;()[]{}<>|!?\n" + MASK;

	// money-looking text that is not an amount, like "$12x", to tell the partner about
	private static final Pattern SUSPECT_AMOUNT = Pattern.compile("(?<![\\w.,])(?:(?:[a-z]{1,3})?\\$|€|£|¥|(?:" + CODES
			+ ")(?![a-z]))\\s?[^\\s\\d\\x00]{0,3}\\d[^\\s;()\\x00]{0,20}"
			+ "|(?<![\\w.,])\\d[^\\s;()\\x00]{0,20}?\\s?(?:" + CODES + "|dollars|euros|pounds)\\b", CI);

	private static final Pattern SUSPECT_CUED_AMOUNT = Pattern
		.compile("\\b(?:budget|worth|value|amount|deal\\s+size|price)\\b(?:\\s{0,3}(?::|=|of|is|at|around|about"
				+ "|approx\\.?|roughly|~))*\\s{0,3}(\\d[^\\s;()\\x00]{0,20})", CI);

	// products

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

	// words many product names have: alone they do not name a product
	private static final Set<String> GENERIC_PRODUCT_WORDS = Set.of("suite", "data", "secure", "security", "platform",
			"cloud", "pro", "plus", "premium", "standard", "basic", "enterprise", "edition", "service", "services",
			"app", "apps", "tool", "tools", "system", "systems", "solution", "solutions", "manager", "management",
			"online", "one", "hub", "center", "centre", "studio", "server", "core", "advanced", "essentials", "starter",
			"business", "team", "teams", "lite", "max", "ultimate", "professional", "portal", "connect", "license",
			"licence", "seat", "seats", "user", "users", "with", "from", "your");

	// customer

	private static final Pattern NAME_LABEL = Pattern.compile("\\b(?:(?:end[- ]?)?customer|company|account|client"
			+ "|prospect|organi[sz]ation|(?:new\\s+)?(?:deal|opportunity|opp))(?:\\s+name)?\\s*[:=]\\s*"
			+ "|\\b(?:(?:end[- ]?)?customer|client)(?:\\s+name)?\\s+is\\s+", CI);

	private static final Pattern NAME_LEAD = Pattern.compile("\\b(?:(?:register(?:ing|ed)?|log(?:ging)?|add(?:ing)?"
			+ "|submit(?:ting)?|create|creating|open(?:ing)?)(?:\\s+(?-i:a|an|the|this|my|our))?(?:\\s+new)?"
			+ "(?:\\s+(?:deal|opportunity|opp|registration))?(?:\\s+(?:for|with|at))?"
			+ "|(?:new\\s+)?(?:deal|opportunity|opp)\\s+(?:for|with|at))(?:\\s*:\\s*|\\s+)", CI);

	private static final Pattern NAME_FOR = Pattern.compile("\\bfor\\s+", CI);

	private static final String NAME_BOUNDARIES = ",;:()[]{}<>|!?\n\"–—−•";

	// ", Inc." continues a name where other commas end it
	private static final Pattern LEGAL_SUFFIX_AFTER_COMMA = Pattern
		.compile(",\\s*(?:inc|incorporated|llc|l\\.l\\.c|ltd|limited|corp|co|gmbh|ag|s\\.a|sa|plc|pty)\\b\\.?", CI);

	// words that end a name: what follows is about the deal, not the company
	private static final Pattern NAME_STOP = Pattern.compile("(?:^|\\s)(?:for|with|about|around|approx|approximately"
			+ "|roughly|circa|worth|budget|budgeted|value|valued|closing|closes|close|closed|expected|expecting"
			+ "|expects|due|by|in|on|at|from|to|via|who|which|that|is|are|was|were|will|would|wants|want|needs|need"
			+ "|has|have|had|plans|planning|looking|buying|buys|purchasing|domain|website|site|url|web|email|e-mail"
			+ "|mail|contact|seats|seat|users|user|licenses|licences|license|licence|products|product|please|pls"
			+ "|thanks|thank|asap|~)(?=\\s|$|[.!?])", CI);

	private static final Pattern TRAILING_DEAL_WORD = Pattern
		.compile("\\s+(?:deal|deals|opportunity|opp|registration|account|renewal|expansion|upsell|project)$", CI);

	// lowercase only: "The Home Depot" keeps its article
	private static final Pattern LEADING_ARTICLE = Pattern.compile("^(?:the|a|an|our|my|this|new)\\s+");

	private static final Set<String> ABBREVIATIONS = Set.of("inc", "ltd", "corp", "co", "llc", "plc", "bros", "intl",
			"mfg", "st", "jr", "sr", "dept", "assn", "ag", "sa", "nv", "bv", "gmbh", "pty", "lp", "llp", "srl", "spa",
			"sas", "sarl");

	private static final Set<String> NOT_NAMES = Set.of("deal", "new deal", "a deal", "the deal", "customer", "company",
			"account", "client", "tbd", "tba", "n/a", "na", "unknown", "none", "it", "this", "that", "them", "us", "me",
			"you", "hi", "hello", "hey", "thanks", "thank you", "please", "ok", "okay", "yes", "no");

	// first words of a message that does not start with the customer, like replies
	private static final Set<String> NOT_FIRST_WORDS = Set.of("hi", "hello", "hey", "yo", "dear", "thanks", "please",
			"pls", "ok", "okay", "so", "also", "and", "but", "can", "could", "would", "i", "we", "i'd", "i'm", "we're",
			"let's", "register", "registering", "new", "deal", "add", "our", "my", "this", "it", "it's", "that's",
			"need", "the", "a", "an", "actually", "sure", "great", "perfect", "yes", "yeah", "yep", "no", "nope",
			"cool", "correct", "right", "sorry", "oops", "wait", "fine", "good", "done", "update", "change", "make",
			"set", "plus", "oh", "ah", "hmm", "just", "only", "maybe", "probably", "they", "he", "she", "you", "there",
			"here", "what", "how", "when", "where", "why", "is", "are", "do", "does", "did", "not", "all", "any",
			"some");

	// lowercase words inside capitalised company names
	private static final Set<String> NAME_CONNECTORS = Set.of("of", "and", "&", "de", "du", "des", "la", "le", "van",
			"von", "der", "den", "da", "di", "y", "et", "und", "the");

	private static final int MAX_NAME_SCAN = 120;

	private final List<Product> products;

	private final List<DistinctiveWord> distinctiveWords;

	// lowercased product names and words, which are never a customer
	private final Set<String> productTerms;

	// the currencies a registration may be in (partnerbot.deals.currencies)
	private final List<String> currencies;

	DealTextParser(List<String> catalogue) {
		this(catalogue, CURRENCIES);
	}

	DealTextParser(List<String> catalogue, List<String> currencies) {
		this.currencies = List.copyOf(currencies);
		List<Product> list = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (String entry : (catalogue != null) ? catalogue : List.<String>of()) {
			if (entry == null) {
				continue;
			}
			String name = entry.strip().replaceAll("\\s+", " ");
			List<String> words = words(name);
			if (words.isEmpty() || !seen.add(String.join(" ", words))) {
				continue;
			}
			list.add(new Product(name, exactPattern(words), String.join(" ", words), String.join("", words),
					words.get(words.size() - 1), words.size()));
		}
		this.products = List.copyOf(list);
		this.distinctiveWords = distinctiveWords(this.products);
		Set<String> terms = new HashSet<>();
		for (Product product : this.products) {
			terms.add(product.spaced());
			terms.add(product.compact());
		}
		for (DistinctiveWord word : this.distinctiveWords) {
			terms.add(word.word());
		}
		this.productTerms = Set.copyOf(terms);
	}

	private static List<String> words(String text) {
		return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
			.filter((word) -> !word.isEmpty())
			.toList();
	}

	// "Analytics Suite" also as "analytics-suite", "AnalyticsSuite" and "Analytics
	// Suites"
	private static Pattern exactPattern(List<String> words) {
		String name = words.stream().map(Pattern::quote).collect(Collectors.joining("[\\s_./-]*"));
		return Pattern.compile("(?<![\\p{L}\\p{N}])" + name + "s?(?![\\p{L}\\p{N}])", CI);
	}

	private static List<DistinctiveWord> distinctiveWords(List<Product> products) {
		Map<String, Integer> uses = new HashMap<>();
		for (Product product : products) {
			for (String word : new LinkedHashSet<>(Arrays.asList(product.spaced().split(" ")))) {
				uses.merge(word, 1, Integer::sum);
			}
		}
		List<DistinctiveWord> distinctive = new ArrayList<>();
		for (int i = 0; i < products.size(); i++) {
			Product product = products.get(i);
			if (product.wordCount() < 2) {
				// a one-word product is already matched whole
				continue;
			}
			for (String word : new LinkedHashSet<>(Arrays.asList(product.spaced().split(" ")))) {
				if (word.length() >= 4 && uses.get(word) == 1 && !GENERIC_PRODUCT_WORDS.contains(word)) {
					Pattern pattern = Pattern
						.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "s?(?![\\p{L}\\p{N}])", CI);
					distinctive.add(new DistinctiveWord(word, pattern, i));
				}
			}
		}
		return List.copyOf(distinctive);
	}

	/**
	 * Reads what a message says about a deal. Never fails: what cannot be read is left
	 * out or noted as a problem.
	 * @param text the partner's message
	 * @param today the day relative dates like "next month" count from
	 * @return the deal, empty when the message says nothing about one
	 */
	ParsedDeal parse(String text, LocalDate today) {
		if (text == null || text.isBlank()) {
			return ParsedDeal.empty();
		}
		Text input = new Text(sanitize(text));
		Set<String> problems = new LinkedHashSet<>();
		Addresses addresses = readAddresses(input);
		Integer seats = readSeats(input, problems);
		LocalDate closeDate = readCloseDate(input, today, problems);
		Amount amount = readAmount(input, problems);
		List<String> productNames = readProducts(input, problems);
		String customer = readCustomer(input);
		return new ParsedDeal(customer, addresses.domain(), productNames, seats, amount.value(), amount.currency(),
				closeDate, addresses.email(), List.copyOf(problems));
	}

	/** Whether the message names the customer with a label, as in "customer: Initech". */
	boolean labelsCustomer(String text) {
		return text != null && NAME_LABEL.matcher(text).find();
	}

	// one character for one, so that positions in the masked copy are positions in the
	// text
	private static String sanitize(String text) {
		String cut = (text.length() > MAX_TEXT) ? text.substring(0, MAX_TEXT) : text;
		StringBuilder clean = new StringBuilder(cut.length());
		for (int i = 0; i < cut.length(); i++) {
			char c = cut.charAt(i);
			if (c == '\u00A0' || c == '\u202F' || c == '\u2007' || c == '\u2009') {
				// spaces that group thousands, as in "120 000 EUR"
				clean.append(' ');
			}
			else if (c == '\r') {
				clean.append('\n');
			}
			else if (c == '\n') {
				clean.append(c);
			}
			else if (Character.isISOControl(c)) {
				clean.append(' ');
			}
			else if (c == '‘' || c == '’') {
				clean.append('\'');
			}
			else if (c == '“' || c == '”') {
				clean.append('"');
			}
			else {
				clean.append(c);
			}
		}
		return clean.toString();
	}

	// addresses

	private Addresses readAddresses(Text text) {
		String email = null;
		String emailDomain = null;
		Matcher mail = EMAIL.matcher(text.current());
		while (mail.find()) {
			String domain = mail.group(2).toLowerCase(Locale.ROOT);
			if (email == null) {
				email = mail.group(1) + "@" + domain;
			}
			if (emailDomain == null && !CustomerMatcher.isGenericMailDomain(domain)) {
				emailDomain = domain;
			}
			text.mask(mail.start(), mail.end());
		}
		String domain = null;
		int domainAt = Integer.MAX_VALUE;
		for (Pattern pattern : List.of(URL, DOMAIN)) {
			Matcher address = pattern.matcher(text.current());
			while (address.find()) {
				if (NOT_TOP_LEVEL_DOMAINS.contains(address.group(2).toLowerCase(Locale.ROOT))) {
					continue;
				}
				String host = address.group(1).toLowerCase(Locale.ROOT);
				if (host.startsWith("www.")) {
					host = host.substring("www.".length());
				}
				if (address.start() < domainAt && !CustomerMatcher.isGenericMailDomain(host)) {
					domain = host;
					domainAt = address.start();
				}
				text.mask(address.start(), address.end());
			}
		}
		return new Addresses((domain != null) ? domain : emailDomain, email);
	}

	// seats

	private Integer readSeats(Text text, Set<String> problems) {
		String masked = text.current();
		Integer seats = null;
		int seatsAt = Integer.MAX_VALUE;
		for (Pattern pattern : List.of(SEATS, SEATS_LABELLED)) {
			Matcher count = pattern.matcher(masked);
			while (count.find()) {
				if (count.start() < seatsAt) {
					// at most nine digits: always an int
					seats = Integer.valueOf(count.group(1).replace(",", ""));
					seatsAt = count.start();
				}
				text.mask(count.start(), count.end());
			}
		}
		if (seats != null && seats == 0) {
			problems.add("a deal needs at least one seat, not 0");
			return null;
		}
		return seats;
	}

	// dates

	private LocalDate readCloseDate(Text text, LocalDate today, Set<String> problems) {
		String masked = text.current();
		List<DateCandidate> candidates = new ArrayList<>();
		for (DateForm form : DATE_FORMS) {
			Matcher match = form.pattern().matcher(masked);
			while (match.find()) {
				LocalDate date;
				try {
					date = form.rule().resolve(match, today);
				}
				catch (DateTimeException | ArithmeticException ex) {
					// 30 February and the like: reported if it is the close date
					date = null;
				}
				candidates.add(new DateCandidate(match.start(), match.end(), form.kind(), date,
						text.original().substring(match.start(), match.end()).strip()));
			}
		}
		// earliest first and, of two that start together, the longer: "31 March 2027"
		// rather than "31 March"
		candidates.sort((a, b) -> (a.start() != b.start()) ? Integer.compare(a.start(), b.start())
				: Integer.compare(b.end(), a.end()));
		DateCandidate chosen = null;
		boolean chosenCued = false;
		int readUpTo = 0;
		for (DateCandidate candidate : candidates) {
			if (candidate.start() < readUpTo) {
				continue;
			}
			String before = clauseBefore(masked, candidate.start(), DATE_SEPARATORS);
			boolean cued = candidate.kind() == DateKind.RELATIVE || CLOSE_CUE.matcher(before).find()
					|| CLOSE_CUE.matcher(candidate.written()).lookingAt();
			boolean standalone = DATE_FILLER.matcher(before).matches();
			if (candidate.kind() == DateKind.NEEDS_CUE && !cued) {
				// "may" the verb: left in the text, it may be part of a name
				continue;
			}
			readUpTo = candidate.end();
			text.mask(candidate.start(), candidate.end());
			if ((cued || standalone) && (chosen == null || (cued && !chosenCued))) {
				chosen = candidate;
				chosenCued = cued;
			}
		}
		if (chosen == null) {
			return null;
		}
		if (chosen.date() == null) {
			problems.add("the close date " + chosen.written() + " is not a real date");
			return null;
		}
		if (chosen.date().isBefore(today)) {
			problems.add("the close date " + chosen.date() + " is in the past");
			return null;
		}
		return chosen.date();
	}

	private static LocalDate isoDate(MatchResult match, LocalDate today) {
		return LocalDate.of(number(match.group(1)), number(match.group(3)), number(match.group(4)));
	}

	private static LocalDate numericDate(MatchResult match, LocalDate today) {
		int first = number(match.group(1));
		int second = number(match.group(3));
		int year = year(match.group(4));
		if (second > 12 && first <= 12) {
			return LocalDate.of(year, first, second);
		}
		LocalDate dayFirst = LocalDate.of(year, second, first);
		if (first <= 12 && dayFirst.isBefore(today)) {
			// a close date is ahead: "12/11/2026" on 23 November is 11 December
			LocalDate monthFirst = LocalDate.of(year, first, second);
			return monthFirst.isBefore(today) ? dayFirst : monthFirst;
		}
		return dayFirst;
	}

	private static LocalDate dayMonthNumeric(MatchResult match, LocalDate today) {
		int first = number(match.group(1));
		int second = number(match.group(2));
		if (second > 12 && first <= 12) {
			return dayOf(first, second, null, today);
		}
		if (second < 1 || second > 12) {
			throw new DateTimeException("no month " + second);
		}
		return dayOf(second, first, null, today);
	}

	private static LocalDate monthDay(MatchResult match, LocalDate today) {
		return dayOf(month(match.group(1)), number(match.group(2)), match.group(3), today);
	}

	private static LocalDate dayMonth(MatchResult match, LocalDate today) {
		return dayOf(month(match.group(2)), number(match.group(1)), match.group(3), today);
	}

	private static LocalDate dayOf(int month, int day, String year, LocalDate today) {
		if (year != null) {
			return LocalDate.of(number(year), month, day);
		}
		// a few years on, for 29 February
		for (int next = today.getYear(); next <= today.getYear() + 8; next++) {
			try {
				LocalDate date = LocalDate.of(next, month, day);
				if (!date.isBefore(today)) {
					return date;
				}
			}
			catch (DateTimeException ex) {
				// not in this year; perhaps in a later one
			}
		}
		throw new DateTimeException("no day " + day + " in month " + month);
	}

	private static LocalDate partOfMonth(MatchResult match, LocalDate today) {
		YearMonth month = monthOf(month(match.group(2)), match.group(3), today);
		return switch (match.group(1).toLowerCase(Locale.ROOT)) {
			case "mid", "middle" -> month.atDay(15);
			case "start", "beginning", "early" -> month.atDay(1);
			default -> month.atEndOfMonth();
		};
	}

	private static LocalDate monthOfYear(MatchResult match, LocalDate today) {
		return monthOf(month(match.group(1)), match.group(2), today).atEndOfMonth();
	}

	private static LocalDate wholeMonth(MatchResult match, LocalDate today) {
		return monthOf(month(match.group(1)), null, today).atEndOfMonth();
	}

	// the next such month that has not ended, so in March "end of March" is this March
	private static YearMonth monthOf(int month, String year, LocalDate today) {
		if (year != null) {
			return YearMonth.of(number(year), month);
		}
		YearMonth thisYears = YearMonth.of(today.getYear(), month);
		return thisYears.isBefore(YearMonth.from(today)) ? thisYears.plusYears(1) : thisYears;
	}

	private static LocalDate quarter(MatchResult match, LocalDate today) {
		int quarter = (match.group(1) != null) ? number(match.group(1))
				: switch (match.group(2).toLowerCase(Locale.ROOT)) {
					case "first", "1st" -> 1;
					case "second", "2nd" -> 2;
					case "third", "3rd" -> 3;
					default -> 4;
				};
		String year = (match.group(3) != null) ? match.group(3) : match.group(4);
		if (year != null) {
			return YearMonth.of(year(year), quarter * 3).atEndOfMonth();
		}
		LocalDate end = YearMonth.of(today.getYear(), quarter * 3).atEndOfMonth();
		return end.isBefore(today) ? YearMonth.of(today.getYear() + 1, quarter * 3).atEndOfMonth() : end;
	}

	private static YearMonth endOfQuarter(LocalDate today) {
		return YearMonth.of(today.getYear(), ((today.getMonthValue() - 1) / 3) * 3 + 3);
	}

	private static LocalDate endOfYear(MatchResult match, LocalDate today) {
		String year = (match.group(1) != null) ? match.group(1) : match.group(2);
		return LocalDate.of((year != null) ? number(year) : today.getYear(), 12, 31);
	}

	private static LocalDate afterPeriod(MatchResult match, LocalDate today) {
		int count = switch (match.group(1).toLowerCase(Locale.ROOT)) {
			case "a", "an", "one" -> 1;
			case "two" -> 2;
			case "three" -> 3;
			case "four" -> 4;
			case "five" -> 5;
			case "six" -> 6;
			case "seven" -> 7;
			case "eight" -> 8;
			case "nine" -> 9;
			case "ten" -> 10;
			case "eleven" -> 11;
			case "twelve" -> 12;
			default -> number(match.group(1));
		};
		String unit = match.group(2).toLowerCase(Locale.ROOT);
		if (unit.startsWith("day")) {
			return today.plusDays(count);
		}
		if (unit.startsWith("week")) {
			return today.plusWeeks(count);
		}
		return unit.startsWith("month") ? today.plusMonths(count) : today.plusYears(count);
	}

	private static int month(String name) {
		return switch (name.substring(0, 3).toLowerCase(Locale.ROOT)) {
			case "jan" -> 1;
			case "feb" -> 2;
			case "mar" -> 3;
			case "apr" -> 4;
			case "may" -> 5;
			case "jun" -> 6;
			case "jul" -> 7;
			case "aug" -> 8;
			case "sep" -> 9;
			case "oct" -> 10;
			case "nov" -> 11;
			default -> 12;
		};
	}

	private static int year(String digits) {
		int year = number(digits);
		return (digits.length() == 2) ? 2000 + year : year;
	}

	// the patterns let through at most four digits
	private static int number(String digits) {
		return Integer.parseInt(digits);
	}

	// the text from the start of the clause, or at most 40 characters, up to index
	private static String clauseBefore(String text, int index, String separators) {
		int from = index;
		while (from > 0 && index - from < 40) {
			char c = text.charAt(from - 1);
			boolean fullStop = c == '.' && from < index && Character.isWhitespace(text.charAt(from));
			if (separators.indexOf(c) >= 0 || fullStop) {
				break;
			}
			from--;
		}
		return text.substring(from, index);
	}

	// amounts

	private Amount readAmount(Text text, Set<String> problems) {
		String masked = text.current();
		Amount amount = null;
		boolean foreign = false;
		String price = null;
		String range = null;
		int readUpTo = 0;
		Matcher match = AMOUNT.matcher(masked);
		while (match.find()) {
			if (match.start() < readUpTo) {
				continue;
			}
			String symbol = match.group("symbol");
			String code = match.group("code");
			String suffix = match.group("suffix");
			String scale = (match.group("scale") != null) ? match.group("scale") : match.group("billions");
			boolean money = symbol != null || code != null || suffix != null || scale != null
					|| AMOUNT_CUE.matcher(clauseBefore(masked, match.start(), AMOUNT_SEPARATORS)).find();
			if (!money) {
				// a bare number: a count, a year, a reference
				continue;
			}
			text.mask(match.start(), match.end());
			if (amount != null) {
				continue;
			}
			String written = text.original().substring(match.start(), match.end()).strip();
			Matcher rate = RATE.matcher(masked).region(match.end(), masked.length());
			if (rate.lookingAt()) {
				text.mask(match.start(), rate.end());
				if (price == null) {
					price = written + " " + rate.group(1).strip();
				}
				continue;
			}
			Matcher start = RANGE_START.matcher(masked.substring(Math.max(0, match.start() - 20), match.start()));
			Matcher end = RANGE_END.matcher(masked).region(match.end(), masked.length());
			boolean startsRange = start.find();
			boolean endsRange = end.lookingAt();
			if (startsRange || endsRange) {
				int from = startsRange ? match.start() - (start.regionEnd() - start.start()) : match.start();
				int to = endsRange ? end.end() : match.end();
				text.mask(from, to);
				readUpTo = to;
				if (range == null) {
					range = text.original().substring(from, to).strip();
				}
				continue;
			}
			String currency = currency(symbol, code, suffix);
			if (currency != null && !currencies.contains(currency)) {
				problems
					.add(currency + " is not one of the accepted currencies (" + String.join(", ", currencies) + ")");
				foreign = true;
				continue;
			}
			BigDecimal value = decimal(match.group("number"), scale != null);
			if (value == null) {
				problems.add("I couldn't read the amount '" + written + "'");
				continue;
			}
			value = value.multiply(multiplier(scale)).stripTrailingZeros();
			if (value.scale() < 0) {
				value = value.setScale(0);
			}
			if (value.signum() == 0) {
				problems.add("the amount " + written + " is zero");
				continue;
			}
			Matcher sign = NEGATIVE.matcher(masked.substring(Math.max(0, match.start() - 8), match.start()));
			if (sign.find()) {
				problems.add("the amount " + sign.group().strip() + (sign.group().endsWith(" ") ? " " : "") + written
						+ " is negative: a deal's value is what the customer pays");
				continue;
			}
			amount = new Amount(value, currency);
		}
		if (amount == null && range != null) {
			problems.add("the amount " + range + " is a range, not one deal size");
		}
		else if (amount == null && price != null) {
			problems.add(price + " is a price, not the deal size");
		}
		else if (amount == null && !foreign) {
			String suspect = suspectAmount(text.current());
			if (suspect != null) {
				problems.add("I couldn't read the amount '" + suspect + "'");
			}
		}
		return (amount != null) ? amount : new Amount(null, null);
	}

	private static String suspectAmount(String masked) {
		Matcher cued = SUSPECT_CUED_AMOUNT.matcher(masked);
		Matcher written = SUSPECT_AMOUNT.matcher(masked);
		String suspect = null;
		if (written.find()) {
			suspect = written.group();
		}
		else if (cued.find()) {
			suspect = cued.group(1);
		}
		return (suspect != null) ? suspect.strip().replaceAll("[.,!?'\"]+$", "") : null;
	}

	private static String currency(String symbol, String code, String suffix) {
		String before = (symbol != null) ? currencyOfSymbol(symbol)
				: (code != null) ? code.toUpperCase(Locale.ROOT) : null;
		String after = (suffix != null) ? currencyOfWord(suffix) : null;
		if (before == null) {
			return after;
		}
		// "$120k CAD": a plain dollar sign says less than what follows
		return (after != null && symbol != null && symbol.equals("$")) ? after : before;
	}

	private static String currencyOfSymbol(String symbol) {
		return switch (symbol.toUpperCase(Locale.ROOT)) {
			case "C$", "CA$", "CAD$" -> "CAD";
			case "A$", "AU$", "AUD$" -> "AUD";
			case "NZ$" -> "NZD";
			case "HK$" -> "HKD";
			case "S$", "SG$" -> "SGD";
			case "MX$" -> "MXN";
			case "R$" -> "BRL";
			case "€" -> "EUR";
			case "£" -> "GBP";
			case "¥" -> "JPY";
			default -> "USD";
		};
	}

	private static String currencyOfWord(String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		if (lower.equals("€") || lower.startsWith("euro")) {
			return "EUR";
		}
		if (lower.equals("£") || lower.startsWith("pound") || lower.equals("sterling") || lower.equals("quid")) {
			return "GBP";
		}
		if (lower.startsWith("bitcoin")) {
			return "BTC";
		}
		if (lower.equals("ether")) {
			return "ETH";
		}
		if (lower.startsWith("canadian")) {
			return "CAD";
		}
		if (lower.startsWith("australian") || lower.startsWith("aussie")) {
			return "AUD";
		}
		if (lower.length() == 3 && lower.chars().allMatch(Character::isLetter)) {
			return lower.toUpperCase(Locale.ROOT);
		}
		return "USD";
	}

	// the digits as written, with "," and "." read as grouping or decimal separators
	private static BigDecimal decimal(String written, boolean scaled) {
		String digits = written.replace(" ", "");
		int comma = digits.lastIndexOf(',');
		int dot = digits.lastIndexOf('.');
		if (comma >= 0 && dot >= 0) {
			digits = (dot > comma) ? digits.replace(",", "") : digits.replace(".", "").replace(',', '.');
		}
		else if (comma >= 0) {
			if (digits.matches("\\d{1,3}(,\\d{3})+")) {
				digits = digits.replace(",", "");
			}
			else if (digits.indexOf(',') == comma) {
				// "1,5M"
				digits = digits.replace(',', '.');
			}
			else {
				return null;
			}
		}
		else if (dot >= 0 && digits.indexOf('.') != dot) {
			if (!digits.matches("\\d{1,3}(\\.\\d{3})+")) {
				return null;
			}
			digits = digits.replace(".", "");
		}
		else if (dot >= 0 && !scaled && digits.matches("\\d{1,3}\\.\\d{3}")) {
			// "€50.000": nobody registers a deal of fifty euros
			digits = digits.replace(".", "");
		}
		try {
			return new BigDecimal(digits);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static BigDecimal multiplier(String scale) {
		if (scale == null) {
			return BigDecimal.ONE;
		}
		return switch (scale.toLowerCase(Locale.ROOT)) {
			case "k", "thousand" -> BigDecimal.valueOf(1_000);
			case "b", "bn", "billion" -> BigDecimal.valueOf(1_000_000_000);
			default -> BigDecimal.valueOf(1_000_000);
		};
	}

	// products

	private List<String> readProducts(Text text, Set<String> problems) {
		boolean[] found = new boolean[this.products.size()];
		for (int i = 0; i < this.products.size(); i++) {
			Matcher match = this.products.get(i).exact().matcher(text.current());
			while (match.find()) {
				found[i] = true;
				text.mask(match.start(), match.end());
			}
		}
		// before distinctive words, so that "Analytics Suit" is a question, not a product
		List<NearMiss> nearMisses = nearMisses(text);
		for (NearMiss miss : nearMisses) {
			text.mask(miss.start(), miss.end());
		}
		for (DistinctiveWord word : this.distinctiveWords) {
			Matcher match = word.pattern().matcher(text.current());
			while (match.find()) {
				found[word.product()] = true;
				text.mask(match.start(), match.end());
			}
		}
		List<String> names = new ArrayList<>();
		for (int i = 0; i < this.products.size(); i++) {
			if (found[i]) {
				names.add(this.products.get(i).name());
			}
		}
		for (NearMiss miss : nearMisses) {
			if (!found[miss.product()]) {
				problems.add("'" + text.original().substring(miss.start(), miss.end())
						+ "' is not a product in the catalogue (did you mean "
						+ this.products.get(miss.product()).name() + "?)");
			}
		}
		return names;
	}

	private List<NearMiss> nearMisses(Text text) {
		String masked = text.current();
		List<int[]> words = new ArrayList<>();
		Matcher word = WORD.matcher(masked);
		while (word.find()) {
			words.add(new int[] { word.start(), word.end() });
		}
		List<NearMiss> misses = new ArrayList<>();
		int first = 0;
		while (first < words.size()) {
			NearMiss best = null;
			for (int p = 0; p < this.products.size(); p++) {
				Product product = this.products.get(p);
				best = closer(best, nearMiss(masked, words, first, product.wordCount(), product.spaced(), product, p));
				if (product.wordCount() > 1) {
					// "AnalytixSuite"
					best = closer(best, nearMiss(masked, words, first, 1, product.compact(), product, p));
				}
			}
			if (best != null) {
				misses.add(best);
				first = best.lastWord() + 1;
			}
			else {
				first++;
			}
		}
		return misses;
	}

	private static NearMiss closer(NearMiss best, NearMiss candidate) {
		return (candidate != null && (best == null || candidate.distance() < best.distance())) ? candidate : best;
	}

	private static NearMiss nearMiss(String masked, List<int[]> words, int first, int count, String target,
			Product product, int productIndex) {
		int last = first + count - 1;
		if (last >= words.size()) {
			return null;
		}
		StringBuilder phrase = new StringBuilder();
		for (int w = first; w <= last; w++) {
			if (w > first) {
				if (!isWordGap(masked, words.get(w - 1)[1], words.get(w)[0])) {
					return null;
				}
				phrase.append(' ');
			}
			phrase.append(masked, words.get(w)[0], words.get(w)[1]);
		}
		String written = phrase.toString().toLowerCase(Locale.ROOT);
		if (Math.abs(written.length() - target.length()) > 2) {
			return null;
		}
		// a capitalised phrase, or one ending like the product: "Analytix Suite",
		// "analytix suite", not any two words
		boolean capitalised = Character.isUpperCase(masked.charAt(words.get(first)[0]));
		if (!capitalised && !written.endsWith(product.lastWord())) {
			return null;
		}
		int distance = editDistance(written, target);
		int allowed = Math.min(2, target.length() / 5);
		if (distance == 0 || distance > allowed) {
			return null;
		}
		return new NearMiss(words.get(first)[0], words.get(last)[1], last, productIndex, distance);
	}

	private static boolean isWordGap(String text, int from, int to) {
		if (to - from < 1 || to - from > 3) {
			return false;
		}
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (!Character.isWhitespace(c) && c != '-' && c != '_') {
				return false;
			}
		}
		return true;
	}

	private static int editDistance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	// customer

	private String readCustomer(Text text) {
		String masked = text.current();
		Matcher label = NAME_LABEL.matcher(masked);
		while (label.find()) {
			String name = readName(text, label.end());
			if (isPlausibleName(name, false)) {
				return name;
			}
		}
		Matcher lead = NAME_LEAD.matcher(masked);
		while (lead.find()) {
			String name = readName(text, lead.end());
			if (isPlausibleName(name, false)) {
				return name;
			}
		}
		// "Initech – 40 seats ...", but not a reply like "make it 60 seats", which would
		// replace the name already given when merged
		String opening = readName(text, openingFrom(text.original()));
		if (isPlausibleName(opening, true)
				&& (isCapitalised(opening) || trimEdges(text.original().strip()).equals(opening))) {
			return opening;
		}
		// "40 seats of Data Pipeline for Wayne Enterprises"; capitalised, as "for" is
		// followed by many things
		Matcher forWhom = NAME_FOR.matcher(masked);
		while (forWhom.find()) {
			if (forWhom.end() < masked.length() && Character.isUpperCase(masked.charAt(forWhom.end()))) {
				String name = readName(text, forWhom.end());
				if (isPlausibleName(name, false)) {
					return name;
				}
			}
		}
		return null;
	}

	/**
	 * Where the opening words start: after the colon, dash or bullet left by what came
	 * before ("new deal: Wayne Enterprises, …" with "new deal" taken as the wish to
	 * register).
	 */
	private static int openingFrom(String original) {
		int from = 0;
		while (from < original.length() && " \t\n:;,-–—•*>".indexOf(original.charAt(from)) >= 0) {
			from++;
		}
		return from;
	}

	private String readName(Text text, int from) {
		char[] masked = text.masked();
		String original = text.original();
		int start = from;
		while (start < masked.length && Character.isWhitespace(masked[start])) {
			start++;
		}
		if (start >= masked.length) {
			return null;
		}
		char first = masked[start];
		if (first == '"' || first == '\'') {
			int close = original.indexOf(first, start + 1);
			if (close > start + 1 && close - start <= MAX_NAME_SCAN) {
				return cleanName(original.substring(start + 1, close));
			}
		}
		int end = start;
		while (end < masked.length) {
			if (end - start > MAX_NAME_SCAN) {
				return null;
			}
			char c = masked[end];
			if (c == MASK || NAME_BOUNDARIES.indexOf(c) >= 0) {
				Matcher suffix = LEGAL_SUFFIX_AFTER_COMMA.matcher(original).region(end, original.length());
				if (c == ',' && suffix.lookingAt()) {
					end = suffix.end();
					continue;
				}
				break;
			}
			boolean spacedDash = (c == '-' || c == '/') && (end == start || Character.isWhitespace(masked[end - 1])
					|| end + 1 >= masked.length || Character.isWhitespace(masked[end + 1]));
			boolean fullStop = c == '.' && (end + 1 >= masked.length || Character.isWhitespace(masked[end + 1]))
					&& !endsAbbreviation(original.substring(start, end));
			if (spacedDash || fullStop) {
				break;
			}
			end++;
		}
		String segment = original.substring(start, end);
		Matcher stop = NAME_STOP.matcher(segment);
		if (stop.find()) {
			segment = segment.substring(0, stop.start());
		}
		return cleanName(segment);
	}

	// "Inc" before a full stop, or "S.A", whose stop belongs to the name
	private static boolean endsAbbreviation(String text) {
		int space = text.length() - 1;
		while (space >= 0 && !Character.isWhitespace(text.charAt(space))) {
			space--;
		}
		String token = text.substring(space + 1).toLowerCase(Locale.ROOT);
		return token.contains(".") || ABBREVIATIONS.contains(token);
	}

	private static String cleanName(String raw) {
		String name = trimEdges(raw.replaceAll("\\s+", " "));
		boolean changed = true;
		while (changed) {
			changed = false;
			Matcher dealWord = TRAILING_DEAL_WORD.matcher(name);
			if (dealWord.find()) {
				name = name.substring(0, dealWord.start());
				changed = true;
			}
			Matcher article = LEADING_ARTICLE.matcher(name);
			if (article.lookingAt()) {
				name = name.substring(article.end());
				changed = true;
			}
			name = trimEdges(name);
		}
		return name;
	}

	// quotes, Slack's *bold* and _italics_, and punctuation around a name
	private static String trimEdges(String text) {
		int start = 0;
		int end = text.length();
		while (start < end
				&& (Character.isWhitespace(text.charAt(start)) || "*_~`'\"".indexOf(text.charAt(start)) >= 0)) {
			start++;
		}
		while (end > start) {
			char c = text.charAt(end - 1);
			boolean keptStop = c == '.' && endsAbbreviation(text.substring(start, end - 1));
			if (!Character.isWhitespace(c) && ("*_~`'\",;:!?-.".indexOf(c) < 0 || keptStop)) {
				break;
			}
			end--;
		}
		return text.substring(start, end);
	}

	private static boolean isCapitalised(String name) {
		for (String word : name.split(" ")) {
			char first = word.charAt(0);
			if (!Character.isUpperCase(first) && !Character.isDigit(first) && !NAME_CONNECTORS.contains(word)) {
				return false;
			}
		}
		return true;
	}

	private boolean isPlausibleName(String name, boolean opening) {
		if (name == null || name.isEmpty() || name.length() > (opening ? 50 : 80)) {
			return false;
		}
		if (name.codePoints().noneMatch(Character::isLetter)) {
			return false;
		}
		String[] parts = name.split(" ");
		if (parts.length > (opening ? 5 : 8)) {
			return false;
		}
		String lower = name.toLowerCase(Locale.ROOT);
		if (opening && NOT_FIRST_WORDS.contains(parts[0].toLowerCase(Locale.ROOT))) {
			return false;
		}
		if (NOT_NAMES.contains(lower) || lower.matches(MONTH)) {
			return false;
		}
		String spaced = String.join(" ", words(name));
		return !this.productTerms.contains(spaced) && !this.productTerms.contains(spaced.replace(" ", ""));
	}

	private enum DateKind {

		/** A date that may be any date: the close date if cued or alone in its clause. */
		EXPLICIT,

		/**
		 * A date said relative to now, like "next month": about timing, so a close date.
		 */
		RELATIVE,

		/** A month name alone, which is often another word: a close date only if cued. */
		NEEDS_CUE

	}

	@FunctionalInterface
	private interface DateRule {

		LocalDate resolve(MatchResult match, LocalDate today);

	}

	private record DateForm(Pattern pattern, DateKind kind, DateRule rule) {

		DateForm(String regex, DateKind kind, DateRule rule) {
			this(Pattern.compile(regex, CI), kind, rule);
		}

	}

	private record DateCandidate(int start, int end, DateKind kind, LocalDate date, String written) {
	}

	private record Addresses(String domain, String email) {
	}

	private record Amount(BigDecimal value, String currency) {
	}

	private record Product(String name, Pattern exact, String spaced, String compact, String lastWord, int wordCount) {
	}

	private record DistinctiveWord(String word, Pattern pattern, int product) {
	}

	private record NearMiss(int start, int end, int lastWord, int product, int distance) {
	}

	// the message, and a copy in which what has been read is masked out
	private static final class Text {

		private final String original;

		private final char[] masked;

		Text(String original) {
			this.original = original;
			this.masked = original.toCharArray();
		}

		String original() {
			return this.original;
		}

		char[] masked() {
			return this.masked;
		}

		String current() {
			return new String(this.masked);
		}

		void mask(int start, int end) {
			Arrays.fill(this.masked, start, end, MASK);
		}

	}

}
