package com.partnerbot.deals;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells whether two deal registrations are for the same customer, to find channel
 * conflicts. Two deals are for the same customer when their domains reduce to the same
 * registrable domain, when their names are equal once normalized, or when the normalized
 * names are alike enough by trigram similarity.
 * <p>
 * Callers use {@link #DEFAULT_THRESHOLD} (0.6) as the similarity from which names count
 * as the same customer: "Initech Systems" and "Initech Systemz" are 0.78 alike, "Acme"
 * and "Apex" 0.11.
 */
final class CustomerMatcher {

	/**
	 * Trigram similarity of normalized names from which two deals are taken to be for the
	 * same customer.
	 */
	static final double DEFAULT_THRESHOLD = 0.6;

	// second-level labels under which companies register, as in initech.co.uk or
	// initech.com.au
	private static final Set<String> SECOND_LEVEL_LABELS = Set.of("co", "com", "org", "net", "ac", "gov", "edu", "ne",
			"or");

	// mail providers many people share: the same one says nothing about the customer
	private static final Set<String> GENERIC_MAIL_DOMAINS = Set.of("gmail.com", "googlemail.com", "outlook.com",
			"hotmail.com", "hotmail.co.uk", "live.com", "msn.com", "yahoo.com", "yahoo.co.uk", "ymail.com",
			"icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "pm.me", "gmx.com", "gmx.de",
			"gmx.net", "web.de", "mail.com", "zoho.com", "yandex.com", "yandex.ru", "qq.com", "163.com");

	private static final Set<String> LEGAL_SUFFIXES = Set.of("inc", "incorporated", "llc", "ltd", "limited", "gmbh",
			"ag", "kg", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "plc", "corp", "corporation", "co", "company",
			"pty", "oy", "oyj", "ab", "as", "aps", "kk", "se", "llp", "lp", "holdings", "group");

	// suffixes written with spaced letters: "L L C", "S. A.", "A/S"
	private static final List<List<String>> SPACED_LEGAL_SUFFIXES = List.of(List.of("l", "l", "c"),
			List.of("l", "l", "p"), List.of("s", "a", "s"), List.of("s", "a"), List.of("s", "p", "a"),
			List.of("s", "r", "l"), List.of("b", "v"), List.of("n", "v"), List.of("p", "l", "c"), List.of("a", "s"));

	private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");

	private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?");

	private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

	private CustomerMatcher() {
	}

	/**
	 * The registrable domain of a domain, e-mail address or URL: lowercased, without
	 * scheme, path, port, "www.", mailbox or subdomains, e.g. "initech.com" for
	 * "https://eu.app.initech.com/login" or "initech.co.uk" for
	 * "jane@shop.initech.co.uk".
	 * @return {@code null} when there is no domain in it
	 */
	static String normalizeDomain(String domainOrEmailOrUrl) {
		if (domainOrEmailOrUrl == null) {
			return null;
		}
		String host = domainOrEmailOrUrl.strip().toLowerCase(Locale.ROOT);
		if (host.startsWith("mailto:")) {
			host = host.substring("mailto:".length());
		}
		host = SCHEME.matcher(host).replaceFirst("");
		host = cutAt(host, "/?#");
		// after the path is cut, so that an @ in a path is not taken for a mailbox
		host = host.substring(host.lastIndexOf('@') + 1);
		host = cutAt(host, ":");
		while (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		if (host.startsWith("www.")) {
			host = host.substring("www.".length());
		}
		String[] labels = host.split("\\.", -1);
		if (labels.length < 2) {
			return null;
		}
		for (String label : labels) {
			if (!LABEL.matcher(label).matches()) {
				return null;
			}
		}
		String topLevel = labels[labels.length - 1];
		if (topLevel.chars().noneMatch(Character::isLetter)) {
			// an IP address
			return null;
		}
		int kept = (labels.length >= 3 && topLevel.length() == 2
				&& SECOND_LEVEL_LABELS.contains(labels[labels.length - 2])) ? 3 : 2;
		return String.join(".", Arrays.copyOfRange(labels, labels.length - kept, labels.length));
	}

	/**
	 * Whether a domain is a mail provider's that many unrelated people use, like
	 * gmail.com.
	 */
	static boolean isGenericMailDomain(String domainOrEmailOrUrl) {
		String domain = normalizeDomain(domainOrEmailOrUrl);
		return domain != null && GENERIC_MAIL_DOMAINS.contains(domain);
	}

	/**
	 * A company name reduced to what tells companies apart: without accents, case,
	 * punctuation, a leading "the" and legal suffixes, with "&amp;" read as "and", e.g.
	 * "societe generale" for "Société Générale S.A.".
	 * @return the normalized name, empty when there is none
	 */
	static String normalizeName(String companyName) {
		if (companyName == null) {
			return "";
		}
		// lowercased first: some capitals, like the Turkish İ, only decompose once
		// lowercased
		String name = Normalizer.normalize(companyName.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "");
		// letters that do not decompose into a base letter and a mark
		name = name.replace("ß", "ss")
			.replace("æ", "ae")
			.replace("œ", "oe")
			.replace("ø", "o")
			.replace("đ", "d")
			.replace("ł", "l")
			.replace("ı", "i")
			.replace("þ", "th");
		name = name.replace("&", " and ");
		// dropped rather than spaced, so that "S.A." is the suffix "sa" and "Macy's" one
		// word
		name = name.replaceAll("['’.]", "");
		name = NOT_LETTER_OR_DIGIT.matcher(name).replaceAll(" ").strip();
		if (name.isEmpty()) {
			return "";
		}
		List<String> words = new ArrayList<>(Arrays.asList(name.split(" ")));
		if (words.size() > 1 && words.get(0).equals("the")) {
			words.remove(0);
		}
		boolean removed = true;
		while (removed && words.size() > 1) {
			removed = removeLegalSuffix(words);
			if (removed && words.size() > 1 && words.get(words.size() - 1).equals("and")) {
				// what is left of "Smith & Co."
				words.remove(words.size() - 1);
			}
		}
		return String.join(" ", words);
	}

	private static boolean removeLegalSuffix(List<String> words) {
		for (List<String> suffix : SPACED_LEGAL_SUFFIXES) {
			int from = words.size() - suffix.size();
			if (from > 0 && words.subList(from, words.size()).equals(suffix)) {
				words.subList(from, words.size()).clear();
				return true;
			}
		}
		if (LEGAL_SUFFIXES.contains(words.get(words.size() - 1))) {
			words.remove(words.size() - 1);
			return true;
		}
		return false;
	}

	/**
	 * Trigram similarity of two names, as PostgreSQL's pg_trgm computes it: each word is
	 * padded with two spaces in front and one behind, and the result is the number of
	 * 3-character sequences the names share over the number of distinct ones in both.
	 * @return between 0 (nothing shared, or an empty name) and 1 (the same words)
	 */
	static double similarity(String normalizedA, String normalizedB) {
		Set<String> a = trigrams(normalizedA);
		Set<String> b = trigrams(normalizedB);
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		int shared = 0;
		for (String trigram : a) {
			if (b.contains(trigram)) {
				shared++;
			}
		}
		return (double) shared / (a.size() + b.size() - shared);
	}

	private static Set<String> trigrams(String text) {
		Set<String> trigrams = new HashSet<>();
		if (text == null) {
			return trigrams;
		}
		for (String word : NOT_LETTER_OR_DIGIT.split(text.toLowerCase(Locale.ROOT))) {
			if (word.isEmpty()) {
				continue;
			}
			String padded = "  " + word + " ";
			for (int i = 0; i + 3 <= padded.length(); i++) {
				trigrams.add(padded.substring(i, i + 3));
			}
		}
		return trigrams;
	}

	/**
	 * Compares the customers of two deals.
	 * @param domainA domain, e-mail or URL of the first deal's customer, may be
	 * {@code null}
	 * @param nameA company name of the first deal's customer, may be {@code null}
	 * @param productsA products of the first deal, may be {@code null}
	 * @param domainB domain, e-mail or URL of the second deal's customer, may be
	 * {@code null}
	 * @param nameB company name of the second deal's customer, may be {@code null}
	 * @param productsB products of the second deal, may be {@code null}
	 * @return what the two have in common
	 */
	static Match compare(String domainA, String nameA, List<String> productsA, String domainB, String nameB,
			List<String> productsB) {
		String normalizedDomainA = normalizeDomain(domainA);
		boolean sameDomain = normalizedDomainA != null && normalizedDomainA.equals(normalizeDomain(domainB))
				&& !GENERIC_MAIL_DOMAINS.contains(normalizedDomainA);
		String normalizedNameA = normalizeName(nameA);
		String normalizedNameB = normalizeName(nameB);
		boolean sameName = !normalizedNameA.isEmpty() && normalizedNameA.equals(normalizedNameB);
		return new Match(sameDomain, sameName, similarity(normalizedNameA, normalizedNameB),
				sharedProducts(productsA, productsB), sameDomain ? normalizedDomainA : null, normalizedNameA,
				normalizedNameB);
	}

	// in the first deal's order and spelling
	private static List<String> sharedProducts(List<String> productsA, List<String> productsB) {
		if (productsA == null || productsB == null) {
			return List.of();
		}
		Set<String> other = new HashSet<>();
		for (String product : productsB) {
			if (product != null && !product.isBlank()) {
				other.add(product.strip().toLowerCase(Locale.ROOT));
			}
		}
		Set<String> seen = new HashSet<>();
		List<String> shared = new ArrayList<>();
		for (String product : productsA) {
			if (product == null || product.isBlank()) {
				continue;
			}
			String key = product.strip().toLowerCase(Locale.ROOT);
			if (other.contains(key) && seen.add(key)) {
				shared.add(product.strip());
			}
		}
		return shared;
	}

	private static String cutAt(String text, String stops) {
		for (int i = 0; i < text.length(); i++) {
			if (stops.indexOf(text.charAt(i)) >= 0) {
				return text.substring(0, i);
			}
		}
		return text;
	}

	/**
	 * What the customers of two deals have in common.
	 *
	 * @param sameDomain whether both have the same registrable domain (never a shared
	 * mail provider's)
	 * @param sameName whether both names are equal once normalized
	 * @param nameSimilarity trigram similarity of the normalized names, 0 to 1
	 * @param sharedProducts products both deals are for
	 * @param domain the shared registrable domain, {@code null} unless {@code sameDomain}
	 * @param name the first normalized name, for {@link #reasons()}
	 * @param otherName the second normalized name, for {@link #reasons()}
	 */
	record Match(boolean sameDomain, boolean sameName, double nameSimilarity, List<String> sharedProducts,
			String domain, String name, String otherName) {

		Match {
			sharedProducts = (sharedProducts != null) ? sharedProducts.stream().filter(Objects::nonNull).toList()
					: List.of();
		}

		Match(boolean sameDomain, boolean sameName, double nameSimilarity, List<String> sharedProducts) {
			this(sameDomain, sameName, nameSimilarity, sharedProducts, null, null, null);
		}

		/**
		 * Whether the two deals are for the same customer.
		 * @param threshold name similarity from which the names count as the same
		 * customer, usually {@link CustomerMatcher#DEFAULT_THRESHOLD}
		 */
		boolean sameCustomer(double threshold) {
			return this.sameDomain || this.sameName || this.nameSimilarity >= threshold;
		}

		/**
		 * Why the deals may conflict, for people, e.g. "same customer domain
		 * (initech.com); overlapping products: Analytics Suite", judging names alike from
		 * {@link CustomerMatcher#DEFAULT_THRESHOLD}.
		 */
		String reasons() {
			return reasons(DEFAULT_THRESHOLD);
		}

		/**
		 * Why the deals may conflict, for the registering partner: what matched on their
		 * side, never the other registration's name or dates.
		 */
		String partnerReasons(double threshold) {
			List<String> reasons = new ArrayList<>();
			if (this.sameDomain) {
				reasons.add("same customer domain");
			}
			if (this.sameName) {
				reasons.add("same customer name");
			}
			else if (this.nameSimilarity >= threshold) {
				reasons.add("a very similar customer name");
			}
			if (!this.sharedProducts.isEmpty()) {
				reasons.add("overlapping products: " + String.join(", ", this.sharedProducts));
			}
			return String.join("; ", reasons);
		}

		/**
		 * Why the deals may conflict, for people.
		 * @param threshold name similarity from which names are reported as alike
		 */
		String reasons(double threshold) {
			List<String> reasons = new ArrayList<>();
			if (this.sameDomain) {
				reasons
					.add((this.domain != null) ? "same customer domain (" + this.domain + ")" : "same customer domain");
			}
			if (this.sameName) {
				reasons.add((this.name != null) ? "same customer name (" + this.name + ")" : "same customer name");
			}
			else if (this.nameSimilarity >= threshold) {
				String percent = Math.round(this.nameSimilarity * 100) + "% alike";
				reasons.add((this.name != null && this.otherName != null)
						? "similar customer names (" + this.name + " / " + this.otherName + ", " + percent + ")"
						: "similar customer names (" + percent + ")");
			}
			if (!this.sharedProducts.isEmpty()) {
				reasons.add("overlapping products: " + String.join(", ", this.sharedProducts));
			}
			return reasons.isEmpty() ? "nothing in common" : String.join("; ", reasons);
		}

	}

}
