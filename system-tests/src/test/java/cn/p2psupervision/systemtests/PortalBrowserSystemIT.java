package cn.p2psupervision.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.SelectOption;

import tools.jackson.databind.JsonNode;

/**
 * The portal in a real browser (Playwright driving Debian's Chromium) against the real platform, logging in through
 * the real Keycloak login form at the gateway's address. Each test saves screenshots under
 * {@code target/screenshots/}, and every portal page it shows passes axe-core's WCAG 2 A/AA rules without a serious or
 * critical violation.
 */
@ExtendWith(PlatformUnderTest.class)
class PortalBrowserSystemIT {

    private static final String PORTAL = PlatformUnderTest.GATEWAY;
    private static final String API = PlatformUnderTest.GATEWAY + "/api/v1/registry";
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static Playwright playwright;
    private static Browser browser;
    /** Registered in Zhejiang with no business place elsewhere: Guangdong may never see it. */
    private static Institution zhejiangOnly;
    /** Registered in Guangdong. */
    private static Institution guangdong;

    private BrowserContext context;
    private Page page;

    record Institution(String id, String creditCode, String name) {
    }

    @BeforeAll
    static void launchTheBrowserAndRegisterInstitutions() {
        zhejiangOnly = register("zj-officer", "33", "门户测试浙江独有");
        guangdong = register("gd-officer", "44", "门户测试广东");
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run")));
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void newBrowserContext() {
        // a fresh context: no cookies, as a new browser; its own language is English, the portal's is Chinese
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900).setLocale("en-US"));
        page = context.newPage();
    }

    @AfterEach
    void closeBrowserContext() {
        context.close();
    }

    @Test
    void auth03_centralLogsInThroughKeycloakAndSeesTheNationalDashboardWithNumbers() {
        logIn("central");

        page.waitForURL(PORTAL + "/dashboard");
        assertThat(page.locator("h1").innerText()).isEqualTo("全国概览");
        JsonNode statistics = Http.get(API + "/statistics", Keycloak.userToken("central")).json();
        long national = statistics.get("national").get("institutions").asLong();
        assertThat(national).isGreaterThanOrEqualTo(2);
        assertThat(page.locator("[data-testid=national-institutions]").innerText()).isEqualTo(grouped(national));
        assertThat(page.locator("[data-testid=province-table] tr[data-province='33']").innerText()).contains("浙江");
        page.locator("#province-chart").waitFor();
        // the other contexts' national figures: categories (CLS-09), filing progress (ACC-13), deadlines missed (INC-06)
        page.locator("#category-chart").waitFor();
        assertThat(page.locator("[data-testid=filing-table]").innerText()).contains("主要机构", "违规存量较大", "情况复杂");
        assertThat(page.locator("[data-testid=watch]").innerText()).contains("处置中的特别重大风险事件");
        screenshot("central-dashboard");
        page.locator("[data-testid=categories] a[href*='category=COMPLIANT']").click();
        page.waitForURL(url -> url.startsWith(PORTAL + "/decisions?"));
        assertThat(page.locator("h1").innerText()).isEqualTo("分类处置决定");
        screenshot("central-decisions-compliant");
        page.navigate(PORTAL + "/dashboard");

        page.locator("[data-testid=province-table] tr[data-province='33'] td a").first().click();
        page.waitForURL(url -> url.startsWith(PORTAL + "/institutions?province=33"));
        assertThat(page.locator("[data-testid=institution-table]").innerText()).contains("浙江");
        screenshot("central-institutions-zhejiang");

        page.navigate(PORTAL + "/dashboard?lang=en");
        assertThat(page.locator("h1").innerText()).isEqualTo("National overview");
        screenshot("central-dashboard-english");
    }

    @Test
    void auth02_aGuangdongOfficerSeesTheWorkQueueAndNeverAZhejiangOnlyFile() {
        logIn("gd-officer");

        page.waitForURL(PORTAL + "/work");
        assertThat(page.locator("h1").innerText()).isEqualTo("工作台");
        assertThat(page.locator("main").innerText()).contains("广东网贷整治办", "待负责同志审批的分类处置决定",
                "本省登记注册的机构");
        screenshot("gd-officer-work-queue");

        Response own = page.navigate(PORTAL + "/institutions/" + guangdong.id());
        assertThat(own.status()).isEqualTo(200);
        assertThat(page.locator("[data-testid=institution-name]").innerText()).isEqualTo(guangdong.name());
        screenshot("gd-officer-own-file");

        Response foreign = page.navigate(PORTAL + "/institutions/" + zhejiangOnly.id());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(page.locator("[data-testid=error-message]").innerText()).isEqualTo("未找到该记录，或您无权查看。");
        assertThat(page.content()).doesNotContain(zhejiangOnly.name(), zhejiangOnly.creditCode(), "Exception");
        Response byCode = page.navigate(PORTAL + "/institutions/" + zhejiangOnly.creditCode());
        assertThat(byCode.status()).isEqualTo(404);
        assertThat(page.content()).doesNotContain(zhejiangOnly.name());
        screenshot("gd-officer-zhejiang-only-file");

        page.navigate(PORTAL + "/institutions?namePrefix=" + zhejiangOnly.name());
        assertThat(page.locator("main").innerText()).contains("没有符合条件的机构。").doesNotContain(zhejiangOnly.name());
        page.navigate(PORTAL + "/institutions?province=33");
        assertThat(page.locator("main").innerText()).doesNotContain(zhejiangOnly.name());

        // the national figures are central's (AUTH-03)
        Response dashboard = page.navigate(PORTAL + "/dashboard");
        assertThat(dashboard.status()).isEqualTo(403);
        assertThat(page.locator("[data-testid=national-institutions]").count()).isZero();
    }

    @Test
    void auth06_thePublicNoticesOpenWithoutLogin() {
        Response response = page.navigate(PORTAL + "/public/notices");

        assertThat(response.status()).isEqualTo(200);
        assertThat(page.url()).isEqualTo(PORTAL + "/public/notices");
        assertThat(page.locator("h1").innerText()).isEqualTo("整改验收公示");
        JsonNode notices = Http.get(PORTAL + "/api/v1/public/notices", null).json();
        if (notices.get("totalElements").asLong() > 0) {
            assertThat(page.locator("[data-testid=notice-table]").innerText())
                    .contains(notices.get("content").get(0).get("creditCode").asString());
        } else {
            assertThat(page.locator("[data-testid=empty]").innerText()).isEqualTo("目前没有正在公示的机构。");
        }
        screenshot("public-notices");

        page.navigate(PORTAL + "/public/filed");
        assertThat(page.locator("h1").innerText()).isEqualTo("备案登记机构");
        screenshot("public-filed");
    }

    @Test
    void auth01_logoutEndsTheSessionAndTheKeycloakSession() {
        logIn("zj-officer");
        page.waitForURL(PORTAL + "/work");

        page.locator("form[action='/logout'] button").click();
        page.waitForURL(PORTAL + "/");
        assertThat(page.locator("[data-testid=login]").isVisible()).isTrue();
        screenshot("after-logout");

        page.navigate(PORTAL + "/work");
        page.waitForURL(url -> url.startsWith(PlatformUnderTest.KEYCLOAK + "/realms/p2p-supervision/protocol/openid-connect/auth"));
        assertThat(page.locator("#username").isVisible()).as("Keycloak asks for the password again").isTrue();
        keycloakScreenshot("login-form-after-logout");
    }

    @Test
    void cls07_auth03_auth04_anOfficerRecordsTheDecisionAHeadOfTheProvinceApprovesItAndCentralReopensIt() {
        // the classification context knows the file once the registry's change feed reached it (404 before)
        String proposal = PlatformUnderTest.GATEWAY + "/api/v1/classification/institutions/" + guangdong.id()
                + "/proposal";
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() ->
                Http.get(proposal, Keycloak.userToken("gd-officer")).status() != 404);
        logIn("gd-officer");
        page.navigate(PORTAL + "/institutions/" + guangdong.id());
        // CLS-01..03: the finding behind the decision
        page.locator("#finding-problemCode").selectOption(new SelectOption().setIndex(1));
        page.locator("#finding-evidenceText").fill("平台官网未披露借款人信息及逾期情况");
        page.locator("#finding-source").selectOption(new SelectOption().setIndex(1));
        page.locator("#finding-foundOn").fill(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        page.locator("#finding-outstandingAmount").fill("1,250,000.00");
        act("finding-form", "[data-testid=finding-done]");
        assertThat(page.locator("[data-testid=findings]").innerText()).contains("平台官网未披露借款人信息及逾期情况",
                "1,250,000.00");
        screenshot("gd-officer-finding-recorded");
        page.locator("#decision-category").selectOption("RECTIFICATION");
        page.locator("#decision-reason").fill("排查发现信息披露不完整，责令限期整改");
        page.locator("[data-testid=record-form] button[type=submit]").click();
        page.locator("[data-testid=decision-done]").waitFor();
        assertThat(page.locator("[data-testid=decision-state]").innerText()).isEqualTo("待审批");
        assertThat(page.locator("[data-testid=approve-form]").count()).as("the recorder may not approve").isZero();
        screenshot("gd-officer-decision-recorded");
        logOut();

        logIn("gd-head-finance");
        page.navigate(PORTAL + "/institutions/" + guangdong.id());
        page.locator("[data-testid=approve-form] button[type=submit]").click();
        page.locator("[data-testid=decision-done]").waitFor();
        assertThat(page.locator("[data-testid=decision-state]").innerText()).isEqualTo("已批准");
        screenshot("gd-head-decision-approved");
        JsonNode decision = Http.get(PlatformUnderTest.GATEWAY + "/api/v1/classification/institutions/"
                + guangdong.id() + "/decision", Keycloak.userToken("gd-officer")).json().get("decision");
        assertThat(decision.get("state").asString()).isEqualTo("APPROVED");
        assertThat(decision.get("category").asString()).isEqualTo("RECTIFICATION");
        assertThat(decision.get("approvedBy").get("username").asString()).isEqualTo("gd-head-finance");
        logOut();

        logIn("central");
        page.navigate(PORTAL + "/institutions/" + guangdong.id());
        page.locator("#reopen-reason").fill("复核发现资金存管问题，需重新认定");
        page.locator("[data-testid=reopen-form] button[type=submit]").click();
        page.locator("[data-testid=decision-done]").waitFor();
        assertThat(page.locator("[data-testid=decision-state]").innerText()).isEqualTo("已重新打开");
        assertThat(page.locator("[data-testid=reopen-reason]").innerText()).startsWith("复核发现资金存管问题，需重新认定 · central");
        screenshot("central-decision-reopened");
    }

    @Test
    void acc09_auth06_aMemberOfThePublicComplainsFromABrowserWithoutLoginAndFollowsTheComplaint() {
        AcceptanceSteps.Institution onNotice = AcceptanceSteps.onNotice();

        page.navigate(PORTAL + "/public/notices?q=" + onNotice.creditCode());
        page.locator("[data-testid=notice-table] a[href*='" + onNotice.creditCode() + "']").click();
        page.waitForURL(url -> url.startsWith(PORTAL + "/public/complaint?"));
        assertThat(page.locator("#complaint-credit-code").inputValue()).isEqualTo(onNotice.creditCode());
        page.locator("#complaint-text").fill("该平台仍在线下门店向老年人推销理财产品");
        page.locator("#complaint-contact").fill("13800000000");
        screenshot("public-complaint-form");
        page.locator("[data-testid=complaint-form] button[type=submit]").click();
        page.locator("[data-testid=receipt]").waitFor();
        List<String> receipt = page.locator("[data-testid=receipt] dd").allInnerTexts();
        screenshot("public-complaint-receipt");

        page.navigate(PORTAL + "/public/complaint-status");
        page.locator("#receipt-number").fill(receipt.get(0).strip());
        page.locator("#complaint-secret").fill(receipt.get(1).strip());
        page.locator("[data-testid=status-form] button[type=submit]").click();
        assertThat(page.locator("[data-testid=complaint-status]").innerText()).contains("待核实");
        screenshot("public-complaint-status");
        JsonNode stored = Http.get(AcceptanceSteps.API + "/cases/" + onNotice.id() + "/complaints",
                Keycloak.userToken("zj-officer")).json();
        assertThat(stored.get(0).get("text").asString()).isEqualTo("该平台仍在线下门店向老年人推销理财产品");
    }

    @Test
    void inc02_inc05_inc06_anOfficerLeadsAnEspeciallyMajorEventAHeadStartsThePlanAndGuangdongNeverSeesIt() {
        String incidents = PlatformUnderTest.GATEWAY + "/api/v1/incidents";
        // the incident context knows the file once the registry's change feed reached it (404 before)
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> Http.get(incidents
                + "/institutions/" + zhejiangOnly.id() + "/agency-requests", Keycloak.userToken("zj-officer"))
                .status() == 200);
        logIn("zj-officer");
        page.navigate(PORTAL + "/institutions/" + zhejiangOnly.id());
        page.locator("[data-testid=record-event]").click();
        page.waitForURL(url -> url.startsWith(PORTAL + "/incidents/new"));
        assertThat(page.locator("[data-testid=event-institution-name]").innerText()).startsWith(zhejiangOnly.name());
        page.locator("#event-type").selectOption("OVERDUE_PAYMENT");
        page.locator("#event-title").fill("门户测试：平台逾期兑付，出借人聚集");
        page.locator("#event-description").fill("平台自今日起暂停提现，出借人在公司聚集");
        page.locator("#event-lenders").fill("120000");
        screenshot("zj-officer-new-event");
        page.locator("[data-testid=new-event-form] button[type=submit]").click();
        page.waitForURL(url -> url.startsWith(PORTAL + "/incidents/EV-"));
        String eventId = page.url().substring(page.url().lastIndexOf('/') + 1);
        page.locator("[data-testid=event-done][data-done=recorded]").waitFor();

        // INC-03: 120,000 lenders affected: the platform proposes especially major
        assertThat(page.locator("[data-testid=level-proposal]").innerText()).contains("特别重大", "受影响出借人数达到标准");
        page.locator("#level-level").selectOption("ESPECIALLY_MAJOR");
        page.locator("#level-reason").fill("出借人逾十万，影响重大");
        act("level-form", "[data-testid=event-done][data-done=level]");
        assertThat(page.locator("[data-testid=deadlines]").innerText()).contains("2小时内报告", "剩余");
        page.locator("#watcher-name").fill("张三");
        page.locator("#watcher-position").fill("金融办风险处副处长");
        page.locator("#watcher-contact").fill("0571-00000000");
        act("watcher-form", "[data-testid=event-done][data-done=watcher]");
        page.locator("#notification-reference").fill("浙金办电〔2026〕1号");
        act("notification-form", "[data-testid=event-done][data-done=notification]");
        page.locator("#measure-kind").selectOption("CONTROL_ACCOUNTS");
        page.locator("#measure-description").fill("冻结平台在存管银行的自有账户");
        act("measure-form", "[data-testid=event-done][data-done=measure]");
        assertThat(page.locator("[data-testid=measures]").innerText()).contains("控制账户", "冻结平台在存管银行的自有账户");
        assertThat(page.locator("[data-testid=plan-form]").count()).as("an officer may not start the plan").isZero();

        // INC-01: a risk signal about the institution, then linked to the event
        page.navigate(PORTAL + "/incidents/signals/new?institution=" + zhejiangOnly.id());
        page.locator("#signal-type").selectOption("OVERDUE_OR_RUN");
        page.locator("#signal-source").fill("媒体报道");
        page.locator("#signal-observedAt").fill(LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusHours(1)
                .withSecond(0).withNano(0).toString());
        page.locator("#signal-description").fill("出借人反映平台自本周起限制提现");
        act("new-signal-form", "[data-testid=signal-done]");
        String signalId = page.url().substring(page.url().lastIndexOf('/') + 1);
        assertThat(signalId).startsWith("SG-");
        screenshot("zj-officer-signal-recorded");
        page.navigate(PORTAL + "/incidents/" + eventId);
        page.locator("[data-testid=link-signals-form] input[name=signalIds]").first().check();
        act("link-signals-form", "[data-testid=event-done][data-done=signals]");
        assertThat(page.locator("[data-testid=event-signals]").innerText()).contains(signalId);
        screenshot("zj-officer-event-in-hand");
        logOut();

        logIn("zj-head-finance");
        page.navigate(PORTAL + "/incidents/" + eventId);
        page.locator("#plan-reason").fill("出借人聚集，启动省级应急预案");
        act("plan-form", "[data-testid=event-done][data-done=planStart]");
        screenshot("zj-head-plan-started");
        JsonNode event = Http.get(incidents + "/events/" + eventId, Keycloak.userToken("zj-officer")).json();
        assertThat(event.get("level").asString()).isEqualTo("ESPECIALLY_MAJOR");
        assertThat(event.get("watcher").get("name").asString()).isEqualTo("张三");
        assertThat(event.get("plan").get("startedBy").get("username").asString()).isEqualTo("zj-head-finance");
        assertThat(event.get("deadlines").get(0).get("metAt").isNull()).as("notified within 2 hours").isFalse();
        assertThat(event.get("measures").get(0).get("kind").asString()).isEqualTo("CONTROL_ACCOUNTS");
        logOut();

        // INC-06, AUTH-03: central's one act on an event, the hours between follow-up reports
        logIn("central");
        page.navigate(PORTAL + "/incidents/" + eventId);
        assertThat(page.locator("[data-testid=level-form]").count()).isZero();
        page.locator("#interval-hours").fill("48");
        page.locator("#interval-reason").fill("事态趋稳，放宽续报频次");
        act("interval-form", "[data-testid=event-done][data-done=interval]");
        screenshot("central-event-interval");
        assertThat(Http.get(incidents + "/events/" + eventId, Keycloak.userToken("central")).json()
                .get("followUpHours").asInt()).isEqualTo(48);
        logOut();

        logIn("gd-officer");
        Response foreign = page.navigate(PORTAL + "/incidents/" + eventId);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(page.content()).doesNotContain("门户测试：平台逾期兑付", zhejiangOnly.name());
        page.navigate(PORTAL + "/incidents");
        assertThat(page.locator("main").innerText()).doesNotContain("门户测试：平台逾期兑付", eventId);
    }

    @Test
    void acc11_acc12_auth04_theTwoAgencyHeadsOfZhejiangCoSignTheCertificateAndTheOfficerFiles() {
        AcceptanceSteps.Institution onNotice = AcceptanceSteps.onNotice();
        logIn("gd-officer");
        Response foreign = page.navigate(PORTAL + "/acceptance/" + onNotice.id());
        assertThat(foreign.status()).as("a Zhejiang-only case is not Guangdong's (AUTH-02)").isEqualTo(404);
        page.navigate(PORTAL + "/acceptance");
        assertThat(page.content()).doesNotContain(onNotice.creditCode(), onNotice.id());
        logOut();

        AcceptanceSteps.restartFifteenDaysAhead();
        try {
            logIn("zj-head-finance");
            page.navigate(PORTAL + "/acceptance/" + onNotice.id());
            act("sign-form", "[data-testid=case-done]");
            assertThat(page.locator("[data-testid=case-state]").innerText()).as("one signature does nothing yet")
                    .isEqualTo("公示中");
            assertThat(page.locator("[data-testid=sign-form]").count()).as("nobody signs twice").isZero();
            screenshot("zj-head-finance-signed");
            logOut();

            logIn("zj-head-regulator");
            page.navigate(PORTAL + "/acceptance/" + onNotice.id());
            act("sign-form", "[data-testid=case-done]");
            assertThat(page.locator("[data-testid=case-state]").innerText()).isEqualTo("已出具合格证明");
            String code = page.locator("[data-testid=verification-code]").innerText();
            screenshot("zj-head-regulator-co-signed");
            logOut();

            logIn("zj-officer");
            page.navigate(PORTAL + "/acceptance/" + onNotice.id());
            act("filing-form", "[data-testid=case-done]");
            assertThat(page.locator("[data-testid=case-state]").innerText()).isEqualTo("已备案登记");
            screenshot("zj-officer-filed");
            JsonNode filed = Http.get(AcceptanceSteps.API + "/cases/" + onNotice.id(), Keycloak.userToken("zj-officer"))
                    .json();
            assertThat(filed.get("state").asString()).isEqualTo("FILED");
            assertThat(code).contains(filed.get("certificate").get("verificationCode").asString());
        } finally {
            AcceptanceSteps.restartOnTodaysDate();
        }
    }

    @Test
    void reg06_reg03_reg07_anOfficerVerifiesTheFileRecordsTheSignedConfirmationReportsAMonthAndReadsTheHistory() {
        Institution file = register("zj-officer", "33", "门户测试核实");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        logIn("zj-officer");
        page.navigate(PORTAL + "/institutions/" + file.id());
        page.locator("[data-testid=file-records] a[href$='/verification']").click();
        page.waitForURL(url -> url.endsWith("/institutions/" + file.id() + "/verification"));
        page.locator("#verify-method").selectOption("ON_SITE_SURVEY");
        page.locator("#verify-date").fill(today.toString());
        page.locator("#verify-outcome").fill("现场勘查经营场所，核对营业执照与股东名册，信息属实");
        page.locator("#verify-confirmed-name").check();
        screenshot("zj-officer-verification-form");
        act("verify-form", "[data-testid=verification-done]");
        page.locator("#attest-signedBy").fill("陈建国");
        page.locator("#attest-position").selectOption("LEGAL_REPRESENTATIVE");
        page.locator("#attest-signedOn").fill(today.toString());
        page.locator("#attest-documentReference").fill("确认书-2026-001");
        act("attest-form", "[data-testid=verification-done]");
        assertThat(page.locator("[data-testid=attestation]").innerText()).contains("陈建国");
        screenshot("zj-officer-file-confirmed");

        page.navigate(PORTAL + "/institutions/" + file.id() + "/reports");
        String month = today.minusMonths(1).toString().substring(0, 7);
        page.locator("#report-period").fill(month);
        page.locator("#report-loanBalance").fill("386,500,000.00");
        page.locator("#report-newLending").fill("52300000");
        page.locator("#report-lenders").fill("41250");
        page.locator("#report-borrowers").fill("9830");
        act("report-form", "[data-testid=report-done]");
        assertThat(page.locator("[data-testid=reports]").innerText()).contains("386,500,000.00", "41,250");
        screenshot("zj-officer-monthly-report");
        JsonNode reports = Http.get(API + "/institutions/" + file.id() + "/reports", Keycloak.userToken("zj-officer"))
                .json();
        assertThat(reports.toString()).contains("\"period\":\"" + month + "\"", "386500000.00");

        page.navigate(PORTAL + "/institutions/" + file.id() + "/history");
        assertThat(page.locator("[data-testid=history]").innerText()).contains("登记建档", "核实", "签字确认");
        screenshot("zj-officer-file-history");
        page.locator("[data-testid=history] a[href$='/history/2']").click();
        page.waitForURL(url -> url.endsWith("/history/2"));
        assertThat(page.locator("[data-testid=diff]").innerText()).contains("核实");
        screenshot("zj-officer-file-diff");
    }

    @Test
    void auth03_centralReadsTheCampaignDataTheOverdueAndTheIncidentReadRecord() {
        logIn("central");
        page.navigate(PORTAL + "/central");
        List<String> screens = page.locator("[data-testid=central-screens] a").all().stream()
                .map(link -> link.getAttribute("href")).toList();
        assertThat(screens).contains("/central/schedule", "/central/thresholds", "/central/custody-banks",
                "/central/summary-reports", "/central/overdue", "/central/read-audit");
        screenshot("central-office");
        List<String> all = new java.util.ArrayList<>(screens);
        all.addAll(List.of("/incidents/board", "/incidents/signals", "/incidents/zombies", "/incidents/alerts",
                "/decisions"));
        for (String screen : all) {
            Response shown = page.navigate(PORTAL + screen);
            assertThat(shown.status()).as(screen).isEqualTo(200);
            screenshot("central" + screen.replace('/', '-').replace("-central-", "-"));
        }
        page.navigate(PORTAL + "/central/schedule");
        assertThat(page.locator("[data-testid=milestones]").innerText()).contains("动员部署", "摸底排查",
                "清理整顿分类处置", "总结报告");
        // AUTH-07: a read of the incident records shows in central's read record
        Http.get(PlatformUnderTest.GATEWAY + "/api/v1/incidents/events", Keycloak.userToken("zj-officer"));
        page.navigate(PORTAL + "/central/read-audit?username=zj-officer");
        assertThat(page.locator("[data-testid=reads]").innerText()).contains("zj-officer", "查阅事件列表");
    }

    @Test
    void acc01_acc03_acc04_acc07_anOfficerOpensTheCaseFormsTheJointTeamRecordsAndConfirmsAChecksAndConcludes() {
        AcceptanceSteps.Institution compliant = AcceptanceSteps.compliantInstitution(null);
        String one = AcceptanceSteps.API + "/cases/" + compliant.id();
        String officer = Keycloak.userToken("zj-officer");
        // the acceptance context knows the file once the registry's change feed reached it (404 before)
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> Http.get(
                AcceptanceSteps.API + "/institutions/" + compliant.id() + "/agency-requests", officer).status() == 200);
        logIn("zj-officer");
        page.navigate(PORTAL + "/institutions/" + compliant.id());
        page.locator("[data-testid=open-case]").click();
        page.waitForURL(url -> url.startsWith(PORTAL + "/acceptance/new"));
        page.locator("#open-complexity").selectOption("MAIN");
        screenshot("zj-officer-open-case");
        act("open-form", "[data-testid=case-done][data-done=opened]");

        page.locator("#team-name").fill("王检查");
        page.locator("#team-agency").selectOption("FINANCIAL_OFFICE");
        page.locator("#team-organisation").fill("浙江省地方金融监督管理局");
        act("team-form", "[data-testid=team]:has-text('王检查')");
        page.locator("#team-name").fill("李核验");
        page.locator("#team-agency").selectOption("BANKING_REGULATOR");
        page.locator("#team-organisation").fill("浙江银保监局");
        act("team-form", "[data-testid=team]:has-text('李核验')");

        page.locator("#check-code").selectOption("CUSTODY_BANK");
        page.locator("#check-result-PASSED").check();
        page.locator("#check-custody-bank").fill("浙商银行");
        page.locator("#check-evidence").fill("存管协议及银行系统对接材料");
        page.locator("#check-recorded-by").selectOption("m1");
        act("check-form", "[data-testid=case-done][data-done=checkRecorded]");
        page.locator("#confirm-code").selectOption("CUSTODY_BANK");
        page.locator("#confirm-by").selectOption("m2");
        act("confirm-form", "[data-testid=case-done][data-done=checkConfirmed]");
        assertThat(page.locator("[data-testid=checks]").innerText()).contains("资金存管", "m1", "m2");
        screenshot("zj-officer-case-checks");

        // the other fifteen checks through the API, as the team's own system would record them
        AcceptanceSteps.passedChecks(one, officer, Http.get(one, officer).etag(), "m1", "m2",
                AcceptanceSteps.CHECKS.stream().filter(code -> !code.equals("CUSTODY_BANK")).toList());
        page.reload();
        assertThat(page.locator("[data-testid=outstanding-checks]").count()).isZero();
        page.locator("#conclusion-outcome").selectOption("PASSED");
        page.locator("#conclusion-reason").fill("各项检查均合格，同意通过验收");
        act("conclusion-form", "[data-testid=case-done][data-done=concluded]");
        assertThat(page.locator("[data-testid=case-state]").innerText()).isEqualTo("公示中");
        screenshot("zj-officer-case-on-notice");
        assertThat(Http.get(one, officer).json().get("state").asString()).isEqualTo("ON_NOTICE");
    }

    /** From the portal's landing page through Keycloak's own login form, back to the portal. */
    private void logIn(String username) {
        page.navigate(PORTAL + "/");
        page.locator("[data-testid=login]").click();
        page.waitForURL(url -> url.startsWith(PlatformUnderTest.KEYCLOAK + "/realms/p2p-supervision/"));
        assertThat(page.locator("html").getAttribute("lang")).as("Keycloak's form in the portal's language, not the "
                + "browser's (en-US)").isEqualTo("zh-CN");
        page.locator("#username").fill(username);
        page.locator("#password").fill("demo");
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(PORTAL + "/") && !url.contains("/login/oauth2/"));
    }

    /** Sends the form of that test id and waits for the confirmation the page shows after it. */
    private void act(String form, String confirmation) {
        page.locator("[data-testid=" + form + "] button[type=submit]").click();
        page.locator(confirmation).waitFor();
    }

    /** The portal's logout, which also ends the Keycloak session. */
    private void logOut() {
        page.locator("form[action='/logout'] button").click();
        page.waitForURL(PORTAL + "/");
    }

    /** A screenshot of a portal page, which must pass the accessibility check. */
    private void screenshot(String name) {
        keycloakScreenshot(name);
        assertAccessible(name);
    }

    /** A screenshot of Keycloak's own page (its theme is Keycloak's, not checked here). */
    private void keycloakScreenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** axe-core in the page: no serious or critical violation of the WCAG 2.0/2.1 A and AA rules. */
    private void assertAccessible(String name) {
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze();
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(PortalBrowserSystemIT::describe).toList();
        assertThat(serious).as("accessibility of " + name + " (" + page.url() + ")").isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at " + rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget())).limit(5).toList();
    }

    private static String grouped(long number) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(number);
    }

    private static Institution register(String user, String province, String namePrefix) {
        String code = RegistryScopeSystemIT.creditCode();
        String name = namePrefix + code.substring(10);
        String body = """
                {"creditCode":"%s","registeredProvince":"%s","name":"%s","registeredCapital":"50000000.00",
                 "establishedOn":"2014-03-01","lendingStartedOn":"2014-06-01","source":"BUSINESS_REGISTRATION",
                 "legalRepresentative":{"name":"张三","idNumber":"330106198001011234"}}
                """.formatted(code, province, name);
        Http.Response created = Http.postJson(API + "/institutions", Keycloak.userToken(user), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Institution(created.json().get("id").asString(), code, name);
    }
}
