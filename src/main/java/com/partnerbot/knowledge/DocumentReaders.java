package com.partnerbot.knowledge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.commonmark.node.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import com.partnerbot.knowledge.SourceDocument.Section;

/**
 * Reads the files of the content directory: Markdown with optional YAML front matter,
 * HTML, PDF and plain text, each into sections under their heading path.
 */
final class DocumentReaders {

	static final long MAX_BYTES = 20L * 1024 * 1024;

	private static final int MAX_TITLE_CHARS = 120;

	// what authors write to mean "no restriction"; anything else is taken as tier
	// names, so a typo hides a document rather than showing it to everyone
	private static final Set<String> EVERYONE = Set.of("all", "any", "everyone", "all partners", "all tiers",
			"every partner", "every tier");

	private static final Parser MARKDOWN = Parser.builder().extensions(List.of(TablesExtension.create())).build();

	private static final Pattern CHECKBOX = Pattern.compile("^(\\s*)\\[[ xX]?\\]\\s+");

	private static final Pattern HORIZONTAL_SPACE = Pattern.compile("\\h+");

	private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

	private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^\\s*(?:={3,}|-{3,})\\s*$");

	private static final Pattern TEXT_FIELD = Pattern.compile("(?i)^\\s*(owner|audience|product)\\s*:\\s*(.*?)\\s*$");

	private static final Set<String> HTML_NOISE = Set.of("script", "style", "nav", "noscript", "template", "svg",
			"iframe", "object", "embed");

	private static final Set<String> HTML_PARAGRAPHS = Set.of("p", "div", "section", "article", "main", "header",
			"footer", "aside", "blockquote", "pre", "ul", "ol", "dl", "table", "figure", "form", "fieldset", "address",
			"details", "hr");

	private static final Set<String> HTML_LINES = Set.of("li", "tr", "dt", "dd", "br", "caption", "figcaption",
			"summary", "thead", "tbody", "tfoot");

	private DocumentReaders() {
	}

	private enum Format {

		MARKDOWN, HTML, PDF, TEXT

	}

	/** Whether the file is one of the formats read here, by its extension. */
	static boolean supports(Path file) {
		return format(file) != null;
	}

	/**
	 * Reads one file of the content directory.
	 * @param contentDir the content directory, for the file's source path
	 * @param file a file inside it
	 * @return the document
	 * @throws UnreadableDocumentException when the file cannot be read, is empty, too
	 * large, or malformed, with a message that names the file
	 */
	static SourceDocument read(Path contentDir, Path file) throws UnreadableDocumentException {
		String source = source(contentDir, file);
		Format format = format(file);
		if (format == null) {
			throw new UnreadableDocumentException(
					source + ": not a supported kind of file (use .md, .markdown, .html, .htm, .pdf or .txt)");
		}
		byte[] bytes = bytes(source, file);
		String fallbackTitle = fileTitle(file);
		SourceDocument document = switch (format) {
			case MARKDOWN -> markdown(source, fallbackTitle, decode(source, bytes));
			case HTML -> html(source, fallbackTitle, bytes);
			case PDF -> pdf(source, fallbackTitle, bytes);
			case TEXT -> text(source, fallbackTitle, decode(source, bytes));
		};
		if (document.sections().stream().allMatch(section -> section.text().isBlank())) {
			throw new UnreadableDocumentException(source + ": the document is empty");
		}
		return document;
	}

	/** The file relative to the content directory, with "/" on every system. */
	static String source(Path contentDir, Path file) {
		Path base = contentDir.toAbsolutePath().normalize();
		Path target = file.toAbsolutePath().normalize();
		if (!target.startsWith(base) || target.equals(base)) {
			throw new IllegalArgumentException(file + " is not inside the content directory " + contentDir);
		}
		List<String> names = new ArrayList<>();
		for (Path name : base.relativize(target)) {
			names.add(name.toString());
		}
		return String.join("/", names);
	}

	private static Format format(Path file) {
		Path name = file.getFileName();
		if (name == null) {
			return null;
		}
		String fileName = name.toString();
		int dot = fileName.lastIndexOf('.');
		String extension = (dot > 0) ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
		return switch (extension) {
			case "md", "markdown" -> Format.MARKDOWN;
			case "html", "htm" -> Format.HTML;
			case "pdf" -> Format.PDF;
			case "txt" -> Format.TEXT;
			default -> null;
		};
	}

	/** "gold-pricing_sheet.md" reads as "Gold pricing sheet". */
	static String fileTitle(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String words = ((dot > 0) ? name.substring(0, dot) : name).replace('-', ' ')
			.replace('_', ' ')
			.strip()
			.replaceAll("\\s+", " ");
		if (words.isEmpty()) {
			return name;
		}
		int first = words.codePointAt(0);
		return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
			.append(words, Character.charCount(first), words.length())
			.toString();
	}

	private static byte[] bytes(String source, Path file) throws UnreadableDocumentException {
		try {
			long size = Files.size(file);
			if (size > MAX_BYTES) {
				long megabytes = (size + 1024 * 1024 - 1) / (1024 * 1024);
				throw new UnreadableDocumentException(
						source + ": the file is too large (" + megabytes + " MB; the limit is 20 MB)");
			}
			return Files.readAllBytes(file);
		}
		catch (NoSuchFileException ex) {
			throw new UnreadableDocumentException(source + ": the file disappeared while it was being read", ex);
		}
		catch (AccessDeniedException ex) {
			throw new UnreadableDocumentException(source + ": the file may not be read (permission denied)", ex);
		}
		catch (IOException ex) {
			throw new UnreadableDocumentException(source + ": the file could not be read (" + ex.getMessage() + ")",
					ex);
		}
	}

	private static String decode(String source, byte[] bytes) throws UnreadableDocumentException {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new UnreadableDocumentException(source + ": not valid UTF-8 text (save the file as UTF-8)", ex);
		}
		if (text.indexOf('\u0000') >= 0) {
			throw new UnreadableDocumentException(source + ": not a text file (it contains binary data)");
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		return text.replace("\r\n", "\n").replace('\r', '\n');
	}

	// Markdown

	private static SourceDocument markdown(String source, String fallbackTitle, String content)
			throws UnreadableDocumentException {
		List<String> lines = content.lines().toList();
		Metadata metadata = Metadata.NONE;
		int start = 0;
		if (!lines.isEmpty() && lines.get(0).stripTrailing().equals("---")) {
			int end = -1;
			for (int i = 1; i < lines.size() && end < 0; i++) {
				String line = lines.get(i).stripTrailing();
				if (line.equals("---") || line.equals("...")) {
					end = i;
				}
			}
			if (end < 0) {
				throw new UnreadableDocumentException(
						source + ": the front matter that starts on line 1 has no closing '---' line");
			}
			metadata = frontMatter(source, String.join("\n", lines.subList(1, end)));
			start = end + 1;
		}
		Node document = MARKDOWN.parse(String.join("\n", lines.subList(start, lines.size())));
		MarkdownSections collector = new MarkdownSections();
		for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
			collector.block(node);
		}
		List<Section> sections = collector.finish();
		String title = firstNonBlank(metadata.title(), collector.firstH1, fallbackTitle);
		return new SourceDocument(source, title, metadata.audience(), metadata.product(), metadata.owner(),
				withoutTitle(sections, title));
	}

	/**
	 * Turns the parsed Markdown into sections of whole blocks: a paragraph is one line, a
	 * list keeps the paragraph that introduces it ("You may not:") as its first line, a
	 * table is its {@code | a | b |} rows, header first.
	 */
	private static final class MarkdownSections {

		private final List<Section> sections = new ArrayList<>();

		private final String[] path = new String[6];

		private List<String> headings = List.of();

		private final List<String> blocks = new ArrayList<>();

		// a list right after a paragraph is introduced by it
		private boolean afterParagraph;

		private String firstH1;

		void block(Node node) {
			boolean paragraph = false;
			if (node instanceof Heading heading) {
				String name = inline(heading);
				if (!name.isEmpty()) {
					flush();
					path[heading.getLevel() - 1] = name;
					Arrays.fill(path, heading.getLevel(), path.length, null);
					headings = Arrays.stream(path).filter(Objects::nonNull).toList();
					if (heading.getLevel() == 1 && firstH1 == null) {
						firstH1 = name;
					}
				}
			}
			else if (node instanceof Paragraph) {
				String text = inline(node);
				if (!text.isEmpty()) {
					blocks.add(text);
					paragraph = true;
				}
			}
			else if (node instanceof ListBlock list) {
				String items = String.join("\n", listLines(list, 0));
				if (afterParagraph) {
					blocks.set(blocks.size() - 1, blocks.get(blocks.size() - 1) + "\n" + items);
				}
				else if (!items.isEmpty()) {
					blocks.add(items);
				}
			}
			else if (node instanceof TableBlock) {
				List<String> rows = new ArrayList<>();
				tableRows(node, rows);
				String table = String.join("\n", rows);
				if (afterParagraph && blocks.get(blocks.size() - 1).endsWith(":")) {
					// "Northwind pays this share of each activity:" belongs to its table
					blocks.set(blocks.size() - 1, blocks.get(blocks.size() - 1) + "\n" + table);
				}
				else if (!rows.isEmpty()) {
					blocks.add(table);
				}
			}
			else if (node instanceof FencedCodeBlock code) {
				addCode(code.getLiteral());
			}
			else if (node instanceof IndentedCodeBlock code) {
				addCode(code.getLiteral());
			}
			else if (node instanceof BlockQuote) {
				for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
					block(child);
				}
				return;
			}
			else if (node instanceof HtmlBlock html) {
				String text = tidySpaces(Jsoup.parse(html.getLiteral()).text());
				if (!text.isEmpty()) {
					blocks.add(text);
				}
			}
			afterParagraph = paragraph;
		}

		private void addCode(String literal) {
			// code keeps its layout
			String code = literal.lines().map(String::stripTrailing).collect(Collectors.joining("\n")).strip();
			if (!code.isEmpty()) {
				blocks.add(code);
			}
		}

		private static List<String> listLines(ListBlock list, int depth) {
			List<String> lines = new ArrayList<>();
			int number = (list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null)
					? ordered.getMarkerStartNumber() : 1;
			for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
				String marker = (list instanceof OrderedList) ? (number++) + ". " : "- ";
				List<String> words = new ArrayList<>();
				List<String> nested = new ArrayList<>();
				for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
					if (child instanceof ListBlock sub) {
						nested.addAll(listLines(sub, depth + 1));
					}
					else {
						String text = inline(child);
						if (!text.isEmpty()) {
							words.add(text);
						}
					}
				}
				if (!words.isEmpty()) {
					lines.add("  ".repeat(depth) + marker + String.join(" ", words));
				}
				lines.addAll(nested);
			}
			return lines;
		}

		private static void tableRows(Node node, List<String> rows) {
			for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
				if (child instanceof TableRow) {
					List<String> cells = new ArrayList<>();
					for (Node cell = child.getFirstChild(); cell != null; cell = cell.getNext()) {
						cells.add(inline(cell).replace("|", "/"));
					}
					rows.add("| " + String.join(" | ", cells) + " |");
				}
				else {
					tableRows(child, rows);
				}
			}
		}

		/** A block's inline content down to its words: links keep their text. */
		private static String inline(Node node) {
			StringBuilder text = new StringBuilder();
			inline(node, text);
			return HORIZONTAL_SPACE.matcher(text).replaceAll(" ").strip();
		}

		private static void inline(Node node, StringBuilder text) {
			for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
				if (child instanceof Text value) {
					text.append(value.getLiteral());
				}
				else if (child instanceof Code code) {
					text.append(code.getLiteral());
				}
				else if (child instanceof FencedCodeBlock code) {
					text.append(code.getLiteral());
				}
				else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
					text.append(' ');
				}
				else if (!(child instanceof HtmlInline) && !(child instanceof Image)) {
					inline(child, text);
				}
			}
		}

		private void flush() {
			addSection(sections, headings, String.join("\n\n", blocks), true);
			blocks.clear();
			afterParagraph = false;
		}

		List<Section> finish() {
			flush();
			return sections;
		}

	}

	private static Metadata frontMatter(String source, String yaml) throws UnreadableDocumentException {
		Object loaded;
		try {
			loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
		}
		catch (MarkedYAMLException ex) {
			Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
			// the YAML starts on the file's second line
			List<String> details = new ArrayList<>();
			if (mark != null) {
				details.add("line " + (mark.getLine() + 2));
			}
			if (ex.getProblem() != null) {
				details.add(ex.getProblem());
			}
			String detail = details.isEmpty() ? "" : " (" + String.join(": ", details) + ")";
			throw new UnreadableDocumentException(source + ": the front matter is not valid YAML" + detail, ex);
		}
		catch (YAMLException ex) {
			throw new UnreadableDocumentException(source + ": the front matter is not valid YAML", ex);
		}
		if (loaded == null) {
			return Metadata.NONE;
		}
		if (!(loaded instanceof Map<?, ?> map)) {
			throw new UnreadableDocumentException(
					source + ": the front matter must be 'key: value' lines, such as 'title: Deal registration'");
		}
		String title = null;
		String product = null;
		String owner = null;
		List<String> audience = List.of();
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			String key = String.valueOf(entry.getKey()).strip().toLowerCase(Locale.ROOT);
			Object value = entry.getValue();
			switch (key) {
				case "title" -> title = scalar(source, key, value);
				case "product" -> product = scalar(source, key, value);
				case "owner" -> owner = scalar(source, key, value);
				case "audience" -> audience = audience(source, value);
				default -> {
					// other keys (tags, dates, ...) are the authors' own
				}
			}
		}
		return new Metadata(title, audience, product, owner);
	}

	private static String scalar(String source, String key, Object value) throws UnreadableDocumentException {
		if (value == null) {
			return null;
		}
		if (value instanceof Map || value instanceof Collection || value instanceof byte[]) {
			throw new UnreadableDocumentException(
					source + ": the front matter '" + key + "' must be a single value, not a list or a mapping");
		}
		String text = value.toString().strip();
		return text.isEmpty() ? null : text;
	}

	/**
	 * The tiers a front matter's {@code audience} names. Present but naming no tier
	 * ({@code audience:}, {@code audience: []}, {@code audience: ""}) means staff only:
	 * an author who wrote the key and left it empty meant to restrict the document, and
	 * the safe reading of a mistake is the narrow one.
	 */
	private static List<String> audience(String source, Object value) throws UnreadableDocumentException {
		if (value == null) {
			return List.of(IndexSchema.STAFF_ONLY);
		}
		if (value instanceof String text) {
			return text.isBlank() ? List.of(IndexSchema.STAFF_ONLY) : tiers(List.of(text));
		}
		if (value instanceof List<?> list) {
			List<String> names = new ArrayList<>();
			for (Object item : list) {
				if (item instanceof String name) {
					names.add(name);
				}
				else if (item != null) {
					throw wrongAudience(source, value);
				}
			}
			return names.stream().allMatch(String::isBlank) ? List.of(IndexSchema.STAFF_ONLY) : tiers(names);
		}
		throw wrongAudience(source, value);
	}

	private static UnreadableDocumentException wrongAudience(String source, Object value) {
		return new UnreadableDocumentException(source
				+ ": the front matter 'audience' must be tier names, such as [Gold, Platinum] or \"Gold, Platinum\", not "
				+ value);
	}

	/** Tier names as written, trimmed; "Gold, Platinum" in one value counts as two. */
	private static List<String> tiers(List<String> values) {
		Set<String> tiers = new LinkedHashSet<>();
		for (String value : values) {
			for (String tier : value.split(",")) {
				if (!tier.isBlank()) {
					tiers.add(tier.strip());
				}
			}
		}
		if (!tiers.isEmpty() && tiers.stream().allMatch(t -> EVERYONE.contains(t.toLowerCase(Locale.ROOT)))) {
			return List.of();
		}
		return List.copyOf(tiers);
	}

	// HTML

	private static SourceDocument html(String source, String fallbackTitle, byte[] bytes)
			throws UnreadableDocumentException {
		Document html;
		try {
			// no charset given: jsoup follows the byte-order mark or <meta charset>,
			// else UTF-8
			html = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
		}
		catch (IOException | RuntimeException ex) {
			throw new UnreadableDocumentException(source + ": not a readable HTML file", ex);
		}
		List<String> audience = new ArrayList<>();
		String product = null;
		String owner = null;
		for (Element meta : html.select("meta[name]")) {
			String content = meta.attr("content").strip();
			if (content.isEmpty()) {
				continue;
			}
			switch (meta.attr("name").strip().toLowerCase(Locale.ROOT)) {
				case "audience" -> audience.add(content);
				case "product" -> product = (product != null) ? product : content;
				case "owner" -> owner = (owner != null) ? owner : content;
				default -> {
				}
			}
		}
		HtmlSections collector = new HtmlSections();
		Element body = html.body();
		if (body != null) {
			NodeTraversor.filter(collector, body);
		}
		List<Section> sections = collector.finish();
		String title = firstNonBlank(collector.firstH1, html.title(), fallbackTitle);
		return new SourceDocument(source, title, tiers(audience), product, owner, withoutTitle(sections, title));
	}

	/** Walks the body once, starting a section at each h1..h6. */
	private static final class HtmlSections implements NodeFilter {

		private final List<Section> sections = new ArrayList<>();

		private final String[] path = new String[6];

		private List<String> headings = List.of();

		private final StringBuilder text = new StringBuilder();

		private String firstH1;

		// a list right after a paragraph is introduced by it
		private boolean afterParagraph;

		@Override
		public FilterResult head(org.jsoup.nodes.Node node, int depth) {
			if (node instanceof TextNode textNode) {
				append(insidePre(textNode) ? textNode.getWholeText() : textNode.text());
				return FilterResult.CONTINUE;
			}
			if (!(node instanceof Element element)) {
				return FilterResult.CONTINUE;
			}
			String name = element.normalName();
			if (HTML_NOISE.contains(name) || element.hasAttr("hidden")) {
				return FilterResult.SKIP_ENTIRELY;
			}
			int level = headingLevel(name);
			if (level > 0) {
				String heading = element.text().strip();
				if (!heading.isEmpty()) {
					startSection(level, heading);
				}
				return FilterResult.SKIP_ENTIRELY;
			}
			boolean introduced = afterParagraph && (name.equals("ul") || name.equals("ol"));
			afterParagraph = false;
			if (introduced) {
				// a list keeps the paragraph that introduces it, as in Markdown
				int length = text.length();
				while (length > 0 && Character.isWhitespace(text.charAt(length - 1))) {
					length--;
				}
				text.setLength(length);
				breakLines(1);
			}
			else if (HTML_PARAGRAPHS.contains(name)) {
				breakLines(2);
			}
			else if (HTML_LINES.contains(name)) {
				breakLines(1);
				if (name.equals("li")) {
					text.append("- ");
				}
				else if (name.equals("tr")) {
					text.append("| ");
				}
			}
			else if ((name.equals("td") || name.equals("th")) && element.elementSiblingIndex() > 0) {
				text.append(" | ");
			}
			return FilterResult.CONTINUE;
		}

		@Override
		public FilterResult tail(org.jsoup.nodes.Node node, int depth) {
			if (node instanceof Element element) {
				String name = element.normalName();
				if (name.equals("tr")) {
					text.append(" |");
				}
				if (HTML_PARAGRAPHS.contains(name)) {
					breakLines(2);
					afterParagraph = name.equals("p");
				}
				else if (HTML_LINES.contains(name)) {
					breakLines(1);
				}
			}
			return FilterResult.CONTINUE;
		}

		private static int headingLevel(String name) {
			if (name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6') {
				return name.charAt(1) - '0';
			}
			return 0;
		}

		private static boolean insidePre(TextNode node) {
			for (org.jsoup.nodes.Node parent = node.parent(); parent != null; parent = parent.parent()) {
				if (parent instanceof Element element && element.normalName().equals("pre")) {
					return true;
				}
			}
			return false;
		}

		private void append(String value) {
			if (!value.isBlank()) {
				afterParagraph = false;
			}
			if (value.isBlank()) {
				// whitespace between tags: at most one space, none at a line's start
				if (!text.isEmpty() && !Character.isWhitespace(text.charAt(text.length() - 1))) {
					text.append(' ');
				}
				return;
			}
			text.append(value);
		}

		private void breakLines(int count) {
			int length = text.length();
			while (length > 0 && (text.charAt(length - 1) == ' ' || text.charAt(length - 1) == '\t')) {
				length--;
			}
			text.setLength(length);
			if (text.isEmpty()) {
				return;
			}
			int have = 0;
			while (have < length && text.charAt(length - 1 - have) == '\n') {
				have++;
			}
			for (; have < count; have++) {
				text.append('\n');
			}
		}

		private void startSection(int level, String heading) {
			flush();
			path[level - 1] = heading;
			Arrays.fill(path, level, path.length, null);
			headings = Arrays.stream(path).filter(Objects::nonNull).toList();
			if (level == 1 && firstH1 == null) {
				firstH1 = heading;
			}
		}

		private void flush() {
			addSection(sections, headings, tidySpaces(text.toString()), true);
			text.setLength(0);
		}

		List<Section> finish() {
			flush();
			return sections;
		}

	}

	// PDF

	private static SourceDocument pdf(String source, String fallbackTitle, byte[] bytes)
			throws UnreadableDocumentException {
		try (PDDocument pdf = Loader.loadPDF(bytes)) {
			if (pdf.isEncrypted() && !pdf.getCurrentAccessPermission().canExtractContent()) {
				throw new UnreadableDocumentException(source
						+ ": the PDF's security settings forbid copying its text (save it without restrictions)");
			}
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setLineSeparator("\n");
			List<Section> sections = new ArrayList<>();
			for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				String text = tidySpaces(stripper.getText(pdf));
				if (!text.isBlank()) {
					sections.add(new Section(List.of(), text));
				}
			}
			if (sections.isEmpty()) {
				throw new UnreadableDocumentException(
						source + ": the PDF has no text to index (it may be scanned images; export it with text)");
			}
			String title = firstNonBlank(pdf.getDocumentInformation().getTitle(), fallbackTitle);
			return new SourceDocument(source, title, List.of(), null, null, sections);
		}
		catch (InvalidPasswordException ex) {
			throw new UnreadableDocumentException(source + ": the PDF is password-protected", ex);
		}
		catch (IOException | RuntimeException ex) {
			throw new UnreadableDocumentException(source + ": not a readable PDF", ex);
		}
	}

	// Plain text

	private static SourceDocument text(String source, String fallbackTitle, String content) {
		List<String> lines = content.lines().map(String::stripTrailing).toList();
		int i = 0;
		while (i < lines.size() && lines.get(i).isBlank()) {
			i++;
		}
		String title = fallbackTitle;
		List<String> audience = new ArrayList<>();
		String product = null;
		String owner = null;
		List<String> preamble = new ArrayList<>();
		boolean more = lines.subList(Math.min(i + 1, lines.size()), lines.size())
			.stream()
			.anyMatch(line -> !line.isBlank());
		// a short first line is the title, unless it is all there is
		if (i < lines.size() && lines.get(i).strip().length() < MAX_TITLE_CHARS && more) {
			title = lines.get(i).strip();
			i++;
			// "Owner: ..." lines right under the title are this format's front matter
			for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
				Matcher field = TEXT_FIELD.matcher(lines.get(i));
				if (!field.matches()) {
					preamble.add(lines.get(i));
					continue;
				}
				String value = field.group(2);
				switch (field.group(1).toLowerCase(Locale.ROOT)) {
					case "audience" -> audience.add(value);
					case "product" -> product = value.isEmpty() ? null : value;
					default -> owner = value.isEmpty() ? null : value;
				}
			}
		}
		List<Section> sections = new ArrayList<>();
		List<String> headings = List.of();
		List<String> text = new ArrayList<>(preamble);
		for (; i < lines.size(); i++) {
			String line = lines.get(i);
			boolean underlined = i + 1 < lines.size() && !line.isBlank()
					&& SETEXT_UNDERLINE.matcher(lines.get(i + 1)).matches()
					&& !SETEXT_UNDERLINE.matcher(line).matches();
			if (underlined || looksLikeHeading(line)) {
				addSection(sections, headings, tidy(String.join("\n", text)), true);
				headings = List.of(line.strip());
				text = new ArrayList<>();
				if (underlined) {
					i++;
				}
				continue;
			}
			// a checklist reads as a list
			text.add(CHECKBOX.matcher(line).replaceFirst("$1- "));
		}
		addSection(sections, headings, tidy(String.join("\n", text)), true);
		return new SourceDocument(source, title, tiers(audience), product, owner, sections);
	}

	/** A short line in capitals, such as "DEAL REGISTRATION", in a plain text file. */
	private static boolean looksLikeHeading(String line) {
		String stripped = line.strip();
		if (stripped.length() >= MAX_TITLE_CHARS || stripped.endsWith(".")
				|| !Character.isLetterOrDigit(stripped.isEmpty() ? ' ' : stripped.charAt(0))) {
			return false;
		}
		long letters = stripped.chars().filter(Character::isLetter).count();
		return letters >= 3 && stripped.chars().noneMatch(Character::isLowerCase);
	}

	// shared

	private record Metadata(String title, List<String> audience, String product, String owner) {

		static final Metadata NONE = new Metadata(null, List.of(), null, null);

	}

	/** Text before the first heading becomes a section only when there is some. */
	private static void addSection(List<Section> sections, List<String> headings, String text, boolean blocks) {
		if (!headings.isEmpty() || !text.isBlank()) {
			sections.add(new Section(headings, text, blocks));
		}
	}

	/**
	 * Citations show "title > headings", so a first heading that repeats the title (the
	 * usual "# Title" under the front matter) would show twice.
	 */
	private static List<Section> withoutTitle(List<Section> sections, String title) {
		List<Section> result = new ArrayList<>();
		for (Section section : sections) {
			List<String> headings = section.headings();
			if (!headings.isEmpty() && headings.get(0).strip().equalsIgnoreCase(title.strip())) {
				headings = headings.subList(1, headings.size());
				if (headings.isEmpty() && section.text().isBlank()) {
					continue;
				}
			}
			result.add(new Section(headings, section.text(), section.blocks()));
		}
		return result;
	}

	/** Blank lines separate paragraphs for the chunker; more than one carries nothing. */
	private static String tidy(String text) {
		String lines = text.lines().map(String::stripTrailing).collect(Collectors.joining("\n"));
		return BLANK_LINES.matcher(lines).replaceAll("\n\n").strip();
	}

	/** As {@link #tidy}, also collapsing the spaces that HTML and PDF layout leave. */
	private static String tidySpaces(String text) {
		String lines = text.lines()
			.map(line -> HORIZONTAL_SPACE.matcher(line).replaceAll(" ").strip())
			.collect(Collectors.joining("\n"));
		return BLANK_LINES.matcher(lines).replaceAll("\n\n").strip();
	}

	private static String firstNonBlank(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value.strip();
			}
		}
		return "";
	}

}
