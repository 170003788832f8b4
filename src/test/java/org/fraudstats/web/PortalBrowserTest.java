package org.fraudstats.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fraudstats.FraudstatsApplication;
import org.fraudstats.access.Actor;
import org.fraudstats.access.Role;
import org.fraudstats.access.SignIn;
import org.fraudstats.access.Totp;
import org.fraudstats.access.Users;
import org.fraudstats.storage.FraudstatsHome;
import org.fraudstats.support.DatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal in a real browser (Debian's headless chromium, driven by chromedriver; .ci/run installs both) against the
 * application on a random port, as its users would use it: each role signs in through the sign-in form; the leader
 * opens the latest bulletin and downloads its PDF; the statistician runs a dry run, then a 3-day rerun from the form and
 * watches it complete; press copies the headline; the auditor sees the others' actions. A screenshot of every page
 * visited is saved under target/screenshots/ (the README's come from there).
 */
@SpringBootTest(classes = FraudstatsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
class PortalBrowserTest extends DatabaseTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @TempDir
    Path downloads;

    private ChromeDriver browser;
    private final Map<String, String> totpSecrets = new HashMap<>();

    @BeforeEach
    void sampleBulletinsUsersAndABrowser() throws IOException {
        // bulletins published before the late drops came in, then those days rendered again: revisions with changes
        assertThat(cli("ingest", "--inbox", SAMPLE_INBOX.toString(), "--from", "2021-10-01", "--to", "2022-10-24").exitCode()).isZero();
        assertThat(cli("rerun", "--from", "2022-10-22", "--to", "2022-10-24").exitCode()).isZero();
        assertThat(cli("ingest", "--inbox", SAMPLE_INBOX.toString()).exitCode()).isZero();
        assertThat(cli("rerun", "--from", "2022-10-23", "--to", "2022-10-24").exitCode()).isZero();
        Users users = context.getBean(Users.class);
        for (Role role : Role.values()) {
            users.add(name(role), role, password(role), Actor.commandLine());
            org.fraudstats.support.OwnPasswords.keptByTheirUser(context.getBean(org.springframework.jdbc.core.JdbcTemplate.class), name(role));
            if (role == Role.ADMIN || role == Role.AUDITOR) {
                // enrolled and confirmed as `user totp` and a first sign-in would, so the form asks for the code
                String secret = Totp.secretOf(users.enrolTotp(name(role), Actor.commandLine()));
                SignIn signIn = context.getBean(SignIn.class);
                SignIn.Attempt pending = signIn.attempt(name(role), password(role), null, "test");
                assertThat(pending.outcome()).isEqualTo(SignIn.Outcome.TOTP_PENDING);
                assertThat(signIn.confirmTotp(name(role), Totp.code(secret, Instant.now().minusSeconds(30)), "test", pending.checked()).outcome())
                        .isEqualTo(SignIn.Outcome.SUCCESS);
                totpSecrets.put(name(role), secret);
            }
        }
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900",
                "--lang=zh-CN", "--force-device-scale-factor=1");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .withEnvironment(Map.of("LANGUAGE", "zh_CN", "LANG", "zh_CN.UTF-8"))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void eachRoleUsesItsPages() throws Exception {
        // the leader: the latest bulletin, its PDF downloaded, the archive, the figures, and the same page on a phone
        signIn(Role.LEADER);
        assertThat(browser.getCurrentUrl()).endsWith("/bulletins/latest");
        assertThat(text("h1")).contains("电信网络诈骗警情日报").contains("2022-10-24");
        assertThat(text(".who")).contains(name(Role.LEADER)).contains("领导");
        pause(1500);
        screenshot("01-leader-latest-bulletin");
        browser.findElement(By.id("download-pdf")).click();
        // the late drops changed the 24th: its latest revision is the second, …-2022-10-24.r2.pdf
        var archive = context.getBean(org.fraudstats.web.portal.BulletinArchive.class);
        Path published = archive.file(archive.latestDaily().orElseThrow(), org.fraudstats.bulletin.BulletinPublisher.Format.pdf).orElseThrow();
        assertThat(published.getFileName().toString()).isEqualTo("fraudstats-daily-2022-10-24.r2.pdf");
        assertThat(text(".notice.revised")).contains("本修订变更");
        Path pdf = awaitDownload(published.getFileName().toString());
        assertThat(Files.readAllBytes(pdf)).isEqualTo(Files.readAllBytes(published));
        open("/bulletins");
        assertThat(text("table.data tbody tr")).contains("2022-10-24").contains("第2版（更正）");
        screenshot("02-leader-archive");
        open("/figures?from=2022-10-01&to=2022-10-24&compare=yoy");
        assertThat(text("table.figures")).contains("佛山市");
        screenshot("03-leader-figures-yoy");
        onPhone("03p-leader-figures-phone");
        browser.manage().window().setSize(new Dimension(390, 844));
        open("/bulletins/latest");
        pause(1500);
        screenshot("04-leader-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));
        signOut();

        // the statistician: a dry run, then the 3-day rerun it showed, watched to the end
        signIn(Role.STATISTICIAN);
        open("/runs");
        // a day that is not over has no bulletin: the form says so, and offers nothing to confirm
        java.time.LocalDate today = org.fraudstats.support.BeijingToday.clearOfMidnight();
        set("#plan-form input[name=from]", today.minusDays(1).toString());
        set("#plan-form input[name=to]", today.toString());
        browser.findElement(By.id("dry-run")).click();
        wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice.error")));
        assertThat(text(".notice.error")).isEqualTo("止 " + today + " 这一天还没有结束（今天是北京时间 " + today + "）：一天结束后才能生成它的日报");
        assertThat(browser.findElements(By.id("confirm-rerun"))).isEmpty();
        screenshot("05e-statistician-day-not-over");
        onPhone("05ep-statistician-day-not-over-phone", false);
        open("/runs");
        set("#plan-form input[name=from]", "2022-10-18");
        set("#plan-form input[name=to]", "2022-10-20");
        browser.findElement(By.id("range")).click();
        browser.findElement(By.id("dry-run")).click();
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("plan")));
        assertThat(text("#plan")).contains("共 3 天").contains("日报 2022-10-19（PDF、Excel）")
                .contains("区间通报 2022-10-18 至 2022-10-20（PDF、Excel）");
        assertThat(browser.findElement(By.id("range")).isSelected()).isTrue();
        screenshot("05-statistician-dry-run");
        // the page a POST answered: resized in place, not reloaded (a reload would post the form again)
        onPhone("05p-statistician-dry-run-phone", false);
        browser.findElement(By.id("confirm-rerun")).click();
        wait(ExpectedConditions.urlMatches("/runs/\\d+$"));
        screenshot("06-statistician-rerun-progress");
        // the progress script rewrites the status, then reloads the finished page: an element read across the reload is
        // stale, not wrong (chromedriver says so as a stale element or as "Node … does not belong to the document", which
        // failed a CI run); the finished page is the one rendered with data-running="false"
        new WebDriverWait(browser, Duration.ofMinutes(3)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    try {
                        return "false".equals(d.findElement(By.id("rerun")).getDomAttribute("data-running"))
                                && text("#rerun-status").equals("完成");
                    } catch (org.openqa.selenium.WebDriverException e) {
                        // only that one: a browser that crashed is said at once, not after three minutes (review 31e)
                        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                            return false;
                        }
                        throw e;
                    }
                });
        assertThat(text("#rerun-done")).isEqualTo("3");
        // the box ticked before the dry run reached the job: the range's own bulletin was rendered too
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bulletin_revision WHERE kind = 'range' AND date_from = DATE '2022-10-18' "
                + "AND date_to = DATE '2022-10-20'", Integer.class)).isPositive();
        assertThat(browser.findElement(By.id("rerun-progress")).getDomAttribute("value")).isEqualTo("3");
        screenshot("07-statistician-rerun-completed");
        open("/runs");
        screenshot("08-statistician-runs");
        onPhone("08p-statistician-runs-phone");
        open("/rejects");
        assertThat(browser.getPageSource()).doesNotContainPattern("\\d{12,}");
        screenshot("09-statistician-rejects");
        onPhone("09p-statistician-rejects-phone");
        signOut();

        // press: the headline of the year to the latest published bulletin, copied
        signIn(Role.PRESS);
        assertThat(browser.getCurrentUrl()).endsWith("/headline");
        String sentence = text("#headline-text");
        assertThat(sentence).isEqualTo("2022年以来，全市共处置电诈警情343宗，快速止付涉诈银行账户187个，止付资金800多万元，办理资金返还案件7宗，返还资金110多万元。");
        browser.findElement(By.cssSelector("button.copy")).click();
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("copied")));
        assertThat(browser.findElement(By.cssSelector("button.copy")).getDomAttribute("data-copied")).isEqualTo(sentence);
        screenshot("10-press-headline");
        onPhone("10p-press-headline-phone");
        signOut();

        // the administrator: users and tokens
        signIn(Role.ADMIN);
        assertThat(browser.getCurrentUrl()).endsWith("/users");
        assertThat(text("table.data")).contains(name(Role.PRESS)).contains("宣传人员");
        // a new password for the press officer, shown once in the POST's own answer (no redirect: a flash attribute
        // would have put it in spring_session_attributes); a click on a submit button may return before the answer is
        // in: wait for the secret, not the source
        browser.findElement(By.xpath("//form[input[@name='name' and @value='" + name(Role.PRESS) + "']]//button[text()='重置密码']")).click();
        // asked first: it ends every session of the user at once (r35b)
        wait(ExpectedConditions.alertIsPresent());
        assertThat(browser.switchTo().alert().getText()).isEqualTo("重置 " + name(Role.PRESS) + " 的密码？其所有会话将立即结束，须用新密码重新登录。");
        browser.switchTo().alert().accept();
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("secret")));
        assertThat(browser.getCurrentUrl()).endsWith("/users/password");
        assertThat(text(".notice.revised")).contains("只显示这一次").contains("离开本页后无法再次查看");
        String secret = text("#secret").strip();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(12);
        // the page makes no token (separation of duties): the statistician's script has its own, made at /account or
        // on the server; used, the list says when it was last used
        assertThat(browser.findElements(By.xpath("//button[text()='生成令牌']"))).isEmpty();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("fst_[A-Za-z0-9_-]+")
                .matcher(context.getBean(org.fraudstats.access.Tokens.class).create(name(Role.STATISTICIAN), 30, org.fraudstats.access.Actor.commandLine()));
        assertThat(token.find()).isTrue();
        var api = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/runs?limit=1")).header("Authorization", "Bearer " + token.group()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(200);
        open("/users");
        assertThat(browser.getPageSource()).doesNotContain(token.group()).doesNotContain(secret);
        assertThat(text("body")).containsPattern(name(Role.STATISTICIAN) + " \\d{4}-\\d\\d-\\d\\d.* \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
        screenshot("11-admin-users");
        onPhone("11p-admin-users-phone");
        signOut();

        // the auditor: the others' actions
        signIn(Role.AUDITOR);
        assertThat(browser.getCurrentUrl()).contains("/audit");
        String log = text("table.audit");
        // in the auditor's words, each with the code `audit` exports and the filters match
        assertThat(log).contains(name(Role.LEADER) + " 领导").contains("下载文件\ndownload").contains("fraudstats-daily-2022-10-24.r2.pdf");
        assertThat(log).contains(name(Role.STATISTICIAN) + " 统计人员").contains("重新生成（预演）\nrerun-dry-run").contains("2022-10-18..2022-10-20");
        assertThat(log).contains(name(Role.PRESS) + " 宣传人员").contains("查询新闻口径\nread-headline").contains("成功\nsuccess");
        screenshot("12-auditor-audit-log");
        onPhone("12p-auditor-audit-log-phone");
        open("/account");
        screenshot("13-auditor-account");
    }

    private void signIn(Role role) {
        open("/login");
        set("input[name=username]", name(role));
        set("input[name=password]", password(role));
        List<WebElement> code = browser.findElements(By.cssSelector("input[name=code]"));
        if (!code.isEmpty() && totpSecrets.containsKey(name(role))) {
            code.get(0).sendKeys(Totp.code(totpSecrets.get(name(role)), Instant.now()));
        }
        if (role == Role.LEADER) {
            screenshot("00-sign-in");
        }
        browser.findElement(By.cssSelector("form [type=submit], form button")).click();
        wait(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void signOut() {
        browser.findElement(By.cssSelector(".who form button")).click();
        wait(d -> d.getCurrentUrl().contains("/login"));
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    private void set(String css, String value) {
        WebElement input = browser.findElement(By.cssSelector(css));
        // date inputs take keys in the locale's order; setting the value is the same for every locale
        browser.executeScript("arguments[0].value = arguments[1];", input, value);
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText().strip();
    }

    private <T> void wait(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /**
     * The current page again at a phone's width (390 px, an iPhone's): nothing may stick out sideways (a wide table
     * scrolls inside its own box, the page does not), then a screenshot, then back to the laptop's width.
     */
    private void onPhone(String name) throws InterruptedException {
        onPhone(name, true);
    }

    private void onPhone(String name, boolean reload) throws InterruptedException {
        Dimension laptop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 844));
        if (reload) {
            browser.navigate().refresh();
        }
        pause(500);
        Number pageWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
        Number windowWidth = (Number) browser.executeScript("return window.innerWidth;");
        assertThat(pageWidth.intValue()).as(name + ": the page is wider than the phone").isLessThanOrEqualTo(windowWidth.intValue());
        screenshot(name);
        browser.manage().window().setSize(laptop);
    }

    /** The whole page, not only the window: the window grows to the page's height (at most 2400 px) for the shot. */
    private void screenshot(String name) {
        Dimension window = browser.manage().window().getSize();
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight;");
        int chrome = window.getHeight() - ((Number) browser.executeScript("return window.innerHeight;")).intValue();
        browser.manage().window().setSize(new Dimension(window.getWidth(), Math.min(2400, Math.max(window.getHeight(), height.intValue() + chrome))));
        try {
            Thread.sleep(800); // the PDF viewer draws again at the new size
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        browser.manage().window().setSize(window);
        try {
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path awaitDownload(String file) throws InterruptedException {
        Path target = downloads.resolve(file);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Files.exists(target) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(target).exists();
        return target;
    }

    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    static String name(Role role) {
        return switch (role) {
            case LEADER -> "wang.ling";
            case STATISTICIAN -> "li.tongji";
            case PRESS -> "zhao.xuan";
            case ADMIN -> "chen.admin";
            case AUDITOR -> "sun.audit";
        };
    }

    static String password(Role role) {
        return "Portal-" + role.code() + "-2026!";
    }
}
