package com.partnerbot.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs): a newcomer's tour, clicked
 * through the page, with the bot answering on its real path. Screenshots of each step are
 * kept in {@code target/sandbox-screenshots}.
 */
class SandboxBrowserTests extends SandboxTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "sandbox-screenshots");

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeAll
	static void startDriver() throws IOException {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
		if (!installed && System.getenv("CI") != null) {
			throw new IllegalStateException("CI needs Debian's chromium and chromium-driver (.ci/run installs them)");
		}
		Assumptions.assumeTrue(installed, "chromium and chromedriver are not installed (apt-get install chromium "
				+ "chromium-driver); .ci/run installs them");
		Files.createDirectories(SCREENSHOTS);
	}

	@org.springframework.beans.factory.annotation.Autowired
	com.partnerbot.knowledge.KnowledgeBase knowledge;

	@BeforeEach
	void openPage() throws IOException, InterruptedException {
		// the demo library is indexed at start-up; a newcomer's first question waits for
		// it
		Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> knowledge.size() > 0);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1400,900",
				"--user-data-dir=" + Files.createTempDirectory(Path.of("target", "test-tmp"), "chromium"));
		// a driver of its own for each browser: quitting the browser stops its driver
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.withLogFile(new File("target/chromedriver.log"))
			.build();
		browser = new ChromeDriver(service, options);
		wait = new WebDriverWait(browser, Duration.ofSeconds(60));
		// the page re-renders as the feed brings news: an element found a moment ago may
		// be
		// gone, and is looked up again
		wait.ignoring(StaleElementReferenceException.class);
		browser.get(base() + "/");
		waitUntilReady();
		screenshot("0-welcome");
		// the tour panel stays dismissed in this browser, as it does for a newcomer who
		// closed it
		List<WebElement> modal = browser.findElements(By.id("modal-close"));
		if (!modal.isEmpty() && modal.get(0).isDisplayed()) {
			modal.get(0).click();
		}
		List<WebElement> dismiss = browser.findElements(By.id("welcome-dismiss"));
		if (!dismiss.isEmpty() && dismiss.get(0).isDisplayed()) {
			dismiss.get(0).click();
		}
	}

	@AfterEach
	void closePage() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aQuestionIsAnsweredWithCitations() {
		actAs("U0ACME0001");
		open("C0ACME0001");
		send("@Partnerbot how long is a registered deal protected?");
		openThread("C0ACME0001", "how long is a registered deal protected");
		wait.until(d -> d.findElements(By.cssSelector("#thread-pane .message")).size() >= 2);
		String answer = browser.findElements(By.cssSelector("#thread-pane .message")).get(1).getText();
		// the answer quotes the library and names its sources (Markdown files of the
		// content directory)
		assertThat(answer).containsIgnoringCase("protect").contains(".md");
		assertThat(browser.findElements(By.cssSelector("#thread-pane button[data-action-id='answer_up']")))
			.isNotEmpty();
		screenshot("1-answer");
		// in a thread of its direct messages (Slack's assistant thread) the bot shows the
		// assistant-thread status while it looks: a method the page's Slack must know,
		// not an error in the calls drawer
		By status = By
			.cssSelector("#api-log .api-call.ok[data-method='assistant.threads.setStatus'][data-channel='D0ACME0001']");
		By failedStatus = By
			.cssSelector("#api-log .api-call.failed[data-method^='assistant.'][data-channel='D0ACME0001']");
		open("D0ACME0001");
		send("what discount do we get?");
		openThread("D0ACME0001", "what discount do we get");
		wait.until(d -> d.findElements(By.cssSelector("#thread-pane .message")).size() >= 2);
		replyInThread("and how long is a registered deal protected?");
		wait.until(d -> d.findElements(By.cssSelector("#thread-pane .message")).size() >= 4);
		wait.until(d -> !d.findElements(status).isEmpty());
		assertThat(browser.findElements(failedStatus)).isEmpty();
	}

	@Test
	void aDealIsRegisteredThroughTheCardAndAManagerApprovesItsConflict() {
		String customer = "Wayne Foods " + Long.toString(System.nanoTime() % 100000, 36).toUpperCase();
		String domain = "wayne" + Long.toString(System.nanoTime() % 1000000, 36) + ".com";
		// another partner registered this customer's Analytics Suite first (a named
		// account of the direct team would be rejected at once, as the library says)
		String rivalName = "Rival Systems " + Long.toString(System.nanoTime() % 100000, 36).toUpperCase();
		String rival = post("/api/partners", "application/json", """
				{"name": "%s", "tier": "Silver"}""".formatted(rivalName), ADMIN_TOKEN).body()
			.replaceAll("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
		assertThat(post("/api/deals", "application/json",
				"""
						{"partnerId": "%s", "customerName": "%s", "customerDomain": "%s", "products": ["Analytics Suite"],
						 "amount": 90000, "currency": "USD", "expectedCloseDate": "%s",
						 "customerContact": "Ann Lee", "salesRep": "Ron Rival"}"""
					.formatted(rival, customer, domain, java.time.LocalDate.now().plusDays(40)),
				ADMIN_TOKEN)
			.statusCode()).isEqualTo(201);

		registerAsAcme(customer, domain + ", 40 seats of Analytics Suite, about 120k, closing next month");
		// each reply is read as what the bot asked for: the currency, a product added,
		// the
		// people
		awaitInThread("the currency");
		replyInThread("USD");
		awaitInThread(customer + " (" + domain + ")");
		replyInThread("add Secure Gateway");
		awaitInThread("Analytics Suite, Secure Gateway");
		replyInThread("contact Jane Roe, CTO, jane@" + domain + "; rep me");
		try {
			wait.until(d -> !d.findElements(By.cssSelector("#thread-pane button[data-action-id='deal_submit']"))
				.isEmpty());
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			screenshot("failed-deal-card");
			throw new AssertionError(
					"no deal card; the thread says: " + browser.findElement(By.id("thread-pane")).getText(), ex);
		}
		assertThat(browser.findElement(By.id("thread-pane")).getText()).contains("40 seats", "120,000 USD",
				"Jane Roe, CTO");
		screenshot("2-deal-card");
		click(By.cssSelector("#thread-pane button[data-action-id='deal_submit']"));
		// the product nobody else registered is approved at once; the contested one waits
		wait.until(d -> d.findElement(By.id("thread-pane"))
			.getText()
			.contains("(Analytics Suite) is registered and waits"));
		assertThat(browser.findElement(By.id("thread-pane")).getText())
			.contains("(Secure Gateway) is registered and approved")
			.doesNotContain(rivalName);
		screenshot("3-deal-registered");

		actAs(SandboxWorkspace.MANAGER);
		open(SandboxWorkspace.ALERTS_CHANNEL);
		wait.until(d -> messageContaining(SandboxWorkspace.ALERTS_CHANNEL, customer) != null);
		assertThat(messageContaining(SandboxWorkspace.ALERTS_CHANNEL, customer).getText())
			.contains("Deal registration conflict", "Acme Resellers", rivalName);
		screenshot("4-conflict-alert");
		clickIn(SandboxWorkspace.ALERTS_CHANNEL, customer, "deal_co_sell");
		wait.until(d -> messageContaining(SandboxWorkspace.ALERTS_CHANNEL, customer).getText().contains("co-sell by"));

		// the partner hears in its thread
		actAs("U0ACME0001");
		open("C0ACME0001");
		openThread("C0ACME0001", "register " + customer);
		awaitInThread("was approved");
		screenshot("5-partner-told");

		// and asks about it in plain words, by its reference
		String reference = java.util.regex.Pattern.compile("DR-[2-9A-Z]{6}")
			.matcher(browser.findElement(By.id("thread-pane")).getText())
			.results()
			.map(java.util.regex.MatchResult::group)
			.findFirst()
			.orElseThrow();
		replyInThread("when does " + reference + "'s protection end?");
		awaitInThread("You may ask for the extension from");
		screenshot("5a-partner-asks");
	}

	@Test
	void aManagerRejectsWithAReasonThePartnerReads() {
		String customer = "Stark Mills " + Long.toString(System.nanoTime() % 100000, 36).toUpperCase();
		String domain = "stark" + Long.toString(System.nanoTime() % 1000000, 36) + ".com";
		// below the program's minimum: it waits for a channel manager
		registerAsAcme(customer, domain + ", Data Pipeline, $3k, closing next month, contact Ann Lee, rep me");
		awaitInThread("minimum of 5000 USD");
		click(By.cssSelector("#thread-pane button[data-action-id='deal_submit']"));
		awaitInThread("a decision is due by");
		// Acme's Home lists it with where it stands
		open("home");
		wait.until(d -> d.findElement(By.id("home-view")).getText().contains(customer));
		assertThat(browser.findElement(By.id("home-view")).getText()).contains("Deal registrations",
				"waits for a channel manager");

		// Maria's Home has it in the queue, with the program's response time
		actAs(SandboxWorkspace.MANAGER);
		open("home");
		wait.until(d -> d.findElement(By.id("home-view")).getText().contains(customer));
		assertThat(browser.findElement(By.id("home-view")).getText()).contains("Registrations waiting for a decision",
				"3 business days", "due by");
		screenshot("5b-manager-queue");
		open(SandboxWorkspace.ALERTS_CHANNEL);
		wait.until(d -> messageContaining(SandboxWorkspace.ALERTS_CHANNEL, customer) != null);
		clickIn(SandboxWorkspace.ALERTS_CHANNEL, customer, "deal_reject");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("modal")));
		browser
			.findElement(
					By.cssSelector("#modal [data-block-id='reason'] textarea, #modal [data-block-id='reason'] input"))
			.sendKeys("below the $5,000 minimum; register it again with the full scope");
		screenshot("5c-reject-reason");
		click(By.id("modal-submit"));
		awaitInMessage(SandboxWorkspace.ALERTS_CHANNEL, customer, "rejected by");

		actAs("U0ACME0001");
		open("C0ACME0001");
		openThread("C0ACME0001", "register " + customer);
		wait.until(d -> d.findElement(By.id("thread-pane"))
			.getText()
			.contains("rejected: below the $5,000 minimum; register it again with the full scope"));
		screenshot("5d-partner-reads-the-reason");
	}

	@Test
	void anAdminSendsASurveyAndAPartnerAnswersIt() {
		String name = "Sandbox PSAT " + Long.toString(System.nanoTime() % 100000, 36).toUpperCase();
		actAs(SandboxWorkspace.ADMIN);
		open(SandboxWorkspace.ALERTS_CHANNEL);
		send("/partner survey new");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("modal")));
		input("name").sendKeys(name);
		input("partners").sendKeys("Acme");
		input("schedule").sendKeys("every day");
		click(By.id("modal-submit"));
		// a wrong schedule is refused under its field; what was typed stays
		wait.until(d -> d.findElements(By.cssSelector("#modal .input-error"))
			.stream()
			.anyMatch(e -> e.getText().contains("cron")));
		assertThat(input("name").getDomProperty("value")).isEqualTo(name);
		screenshot("6-survey-form-error");
		input("schedule").clear();
		click(By.id("modal-submit"));
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("modal")));

		send("/partner survey send " + name);
		wait.until(d -> d.findElement(By.id("messages")).getText().contains("is on its way to"));

		actAs("U0ACME0001");
		open("D0ACME0001");
		wait.until(d -> messageContaining("D0ACME0001", name) != null);
		screenshot("7-survey-invitation");
		clickIn("D0ACME0001", name, "survey_sat_4");
		awaitInMessage("D0ACME0001", name, "You answered 4 / 5");
		clickIn("D0ACME0001", name, "survey_nps_9");
		awaitInMessage("D0ACME0001", name, "Thank you");
		comment("D0ACME0001", name, "Great enablement content, thank you.");
		awaitInMessage("D0ACME0001", name, "Great enablement content");
		screenshot("8-survey-answered");

		// Sam is unhappy: the low score and its comment reach Maria, the channel manager
		actAs("U0ACME0002");
		open("D0ACME0002");
		wait.until(d -> messageContaining("D0ACME0002", name) != null);
		clickIn("D0ACME0002", name, "survey_sat_1");
		awaitInMessage("D0ACME0002", name, "You answered 1 / 5");
		comment("D0ACME0002", name, "Registrations wait too long for a decision.");
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("modal")));
		actAs(SandboxWorkspace.MANAGER);
		open("D0VENDOR01");
		wait.until(d -> messageContaining("D0VENDOR01", "wait too long for a decision") != null);
		screenshot("8b-low-score-comment-to-manager");

		String id = JsonParser.parseString(apiGet("/api/surveys"))
			.getAsJsonArray()
			.asList()
			.stream()
			.map(e -> e.getAsJsonObject())
			.filter(s -> s.get("name").getAsString().equals(name))
			.findFirst()
			.orElseThrow()
			.get("id")
			.getAsString();
		JsonObject results = JsonParser.parseString(apiGet("/api/surveys/" + id + "/results")).getAsJsonObject();
		assertThat(results.get("responses").getAsInt()).isEqualTo(2);
		// two answers are not a score: no PSAT or NPS below three
		assertThat(results.has("psat")).isFalse();
		assertThat(results.has("nps")).isFalse();

		// the answers are kept as CSV in the admin's direct messages
		actAs(SandboxWorkspace.ADMIN);
		open(SandboxWorkspace.ALERTS_CHANNEL);
		send("/partner survey export " + name);
		open("D0VENDOR02");
		wait.until(d -> messageContaining("D0VENDOR02", "survey,partner,person") != null);
		assertThat(messageContaining("D0VENDOR02", "survey,partner,person").getText()).contains(name,
				"Registrations wait too long");
		screenshot("8c-survey-export");
	}

	@Test
	void anAccountExecutiveAndAnEngineerGetTrainingForTheirRoles() {
		actAs("U0ACME0001");
		open("C0ACME0001");
		send("/partner training");
		wait.until(d -> messageContaining("C0ACME0001", "Training that closes your gaps") != null);
		String forDana = messageContaining("C0ACME0001", "Training that closes your gaps").getText();
		// Dana passed the Sales Essentials course and the CSP exam (the demo records them
		// by
		// her e-mail address): the CSP the Gold tier still needs is for a colleague
		assertThat(forDana)
			.contains("for Gold", "for a colleague in an engineer role",
					"1 more Certified Sales Professional (1 of 2) — for a colleague in a sales role")
			.doesNotContain("Analytics Suite Fundamentals");
		screenshot("9a-training-account-executive");

		actAs("U0ACME0002");
		open("C0ACME0001");
		send("/partner training");
		wait.until(d -> {
			WebElement latest = messageContaining("C0ACME0001", "Training that closes your gaps");
			return latest != null && latest.getText().contains("Analytics Suite Administration");
		});
		// Sam took Analytics Suite Fundamentals: he goes on with the path he started
		assertThat(messageContaining("C0ACME0001", "Training that closes your gaps").getText())
			.contains("step 2 of 4 toward the Certified Solutions Engineer – Analytics Suite certification",
					"for a colleague in a sales role")
			.doesNotContain("Analytics Suite Fundamentals");
		screenshot("9b-training-engineer");
	}

	@Test
	void theAppHomeShowsThePartnersScorecard() {
		actAs("U0GLOBEX01");
		open("home");
		wait.until(d -> browser.findElement(By.id("home-view")).getText().contains("Gold"));
		// the demo program's history: Globex is on its way, not at risk on every line
		String home = browser.findElement(By.id("home-view")).getText();
		assertThat(home).contains("Your rating of our program").doesNotContain("no decided deals yet");
		screenshot("9-app-home");
	}

	@Test
	void theStaffAppHomeShowsTheProgramWithItsCharts() {
		actAs("U0VENDOR01");
		open("home");
		wait.until(d -> browser.findElement(By.id("home-view")).getText().contains("The program at a glance"));
		// the charts are uploaded through the emulated file upload and shown by file id
		wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
			.executeScript("const charts = [...document.querySelectorAll('#home-view img.block-image')];"
					+ " return charts.length === 4 && charts.every(c => c.complete && c.naturalWidth > 0);")));
		((JavascriptExecutor) browser)
			.executeScript("document.querySelector('#home-view img.block-image').scrollIntoView()");
		assertThat(browser.findElement(By.id("home-view")).getText()).contains("Acme Resellers", "Onboarding");
		screenshot("10-program-charts");
	}

	private String apiGet(String path) {
		return adminGet(path).body();
	}

	private void waitUntilReady() {
		wait.until(d -> Boolean.TRUE
			.equals(((JavascriptExecutor) d).executeScript("return !!(window.sandbox && window.sandbox.ready)")));
	}

	private void actAs(String user) {
		new Select(browser.findElement(By.id("identity"))).selectByValue(user);
		wait.until(d -> user.equals(d.findElement(By.tagName("body")).getDomAttribute("data-identity")));
	}

	private void open(String channel) {
		click(By.cssSelector(".channel-link[data-channel='" + channel + "']"));
	}

	/**
	 * Finds and clicks in one step, again if the page re-rendered the element in between.
	 */
	private void click(By element) {
		wait.until(d -> {
			d.findElement(element).click();
			return true;
		});
	}

	private void send(String text) {
		type("composer", text);
	}

	private void replyInThread(String text) {
		type("thread", text);
	}

	/**
	 * Types into a composer (the channel's or the thread's) and sends, once it is sent.
	 */
	private void type(String composer, String text) {
		WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id(composer + "-input")));
		input.sendKeys(text);
		browser.findElement(By.id(composer + "-send")).click();
		wait.until(d -> d.findElement(By.id(composer + "-input")).getDomProperty("value").isEmpty());
	}

	/** Comments on the survey invitation in this channel, through its form. */
	private void comment(String channel, String survey, String text) {
		clickIn(channel, survey, "survey_comment");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#modal textarea"))).sendKeys(text);
		click(By.id("modal-submit"));
	}

	/**
	 * Waits until the newest message in the channel with {@code text} also shows
	 * {@code shown}.
	 */
	private void awaitInMessage(String channel, String text, String shown) {
		wait.until(d -> messageContaining(channel, text).getText().contains(shown));
	}

	private void awaitInThread(String text) {
		wait.until(d -> d.findElement(By.id("thread-pane")).getText().contains(text));
	}

	/**
	 * Acme's partner person asks the bot to register a customer in Acme's channel, and
	 * opens the bot's thread.
	 */
	private void registerAsAcme(String customer, String details) {
		actAs("U0ACME0001");
		open("C0ACME0001");
		send("@Partnerbot register " + customer + ", " + details);
		openThread("C0ACME0001", "register " + customer);
	}

	/** The form control of a modal's input block. */
	private WebElement input(String blockId) {
		return browser.findElement(By.cssSelector(
				"#modal [data-block-id='" + blockId + "'] input, " + "#modal input[data-block-id='" + blockId + "']"));
	}

	/** Opens the thread of the newest message in the channel with this text. */
	private void openThread(String channel, String text) {
		wait.until(d -> {
			WebElement message = messageContaining(channel, text);
			List<WebElement> replies = (message != null) ? message.findElements(By.cssSelector(".reply-count"))
					: List.of();
			if (replies.isEmpty()) {
				return false;
			}
			replies.get(0).click();
			return true;
		});
	}

	/** Clicks the button with this action in the newest message with this text. */
	private void clickIn(String channel, String text, String actionId) {
		wait.until(d -> {
			WebElement message = messageContaining(channel, text);
			List<WebElement> buttons = (message != null)
					? message.findElements(By.cssSelector("button[data-action-id='" + actionId + "']")) : List.of();
			if (buttons.isEmpty()) {
				return false;
			}
			buttons.get(0).click();
			return true;
		});
	}

	private WebElement messageContaining(String channel, String text) {
		List<WebElement> messages = browser
			.findElements(By.cssSelector("#messages .message[data-channel='" + channel + "']"));
		for (int i = messages.size() - 1; i >= 0; i--) {
			if (messages.get(i).getText().contains(text)) {
				return messages.get(i);
			}
		}
		return null;
	}

	private void screenshot(String name) {
		try {
			Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
