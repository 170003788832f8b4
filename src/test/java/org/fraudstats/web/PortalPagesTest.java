package org.fraudstats.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fraudstats.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The pages, server-rendered, with real figures of the sample: what each role sees, in Chinese, with who is signed in. */
class PortalPagesTest extends PortalTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static boolean loaded;

    @BeforeEach
    void sampleLoadedAndTwoBulletinsPublished() {
        synchronized (PortalPagesTest.class) {
            if (!loaded) {
                assertThat(cli("ingest", "--inbox", SAMPLE_INBOX.toString()).exitCode()).isZero();
                assertThat(cli("rerun", "--from", "2022-10-23", "--to", "2022-10-24").exitCode()).isZero();
                loaded = true;
            }
        }
    }

    @Test
    void eachRoleStartsOnItsOwnPage() throws Exception {
        assertThat(as("leader", get("/")).getRedirectedUrl()).isEqualTo("/bulletins/latest");
        assertThat(as("statistician", get("/")).getRedirectedUrl()).isEqualTo("/bulletins/latest");
        assertThat(as("press", get("/")).getRedirectedUrl()).isEqualTo("/headline");
        assertThat(as("admin", get("/")).getRedirectedUrl()).isEqualTo("/users");
        assertThat(as("auditor", get("/")).getRedirectedUrl()).isEqualTo("/audit");
    }

    @Test
    void theLatestBulletinShowsItsPdfInlineAndWhoIsSignedIn() throws Exception {
        String page = page("leader", get("/bulletins/latest"));
        assertThat(page).contains("电信网络诈骗警情日报").contains("2022-10-24")
                .contains("<iframe src=\"/files/bulletins/2022-10-24/daily.pdf?revision=1&amp;inline=1\" title=\"通报 PDF\"></iframe>")
                .contains("href=\"/files/bulletins/2022-10-24/daily.pdf?revision=1\"")
                .contains("test-leader").contains("领导")
                // the tab names the bulletin; a keyboard's first stop skips the masthead; the menu says where one is
                .contains("<title>电信网络诈骗警情日报 2022-10-24 · 统计通报平台</title>")
                .contains("<a class=\"skip\" href=\"#main\">跳到正文</a>").contains("<main class=\"page\" id=\"main\" tabindex=\"-1\">")
                .contains("<a href=\"/bulletins/latest\" aria-current=\"page\" class=\"current\">最新通报</a>")
                .doesNotContain("aria-current=\"page\">通报档案");
        // a page in Chinese says so in its header too, whatever language the browser prefers
        assertThat(as("leader", get("/bulletins/latest").header("Accept-Language", "en-US,en;q=0.9")).getHeader("Content-Language"))
                .isEqualTo("zh-CN");
        MockHttpServletResponse pdf = as("leader", get("/files/bulletins/2022-10-24/daily.pdf").param("revision", "1").param("inline", "1"));
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getHeader("Content-Disposition")).isEqualTo("inline; filename=\"fraudstats-daily-2022-10-24.pdf\"");
        assertThat(new String(pdf.getContentAsByteArray(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        // shown in the page's frame is not taken away with 下载 PDF: the auditor tells them apart (review 31); inline=0 is
        // no frame's (retest 31)
        as("leader", get("/files/bulletins/2022-10-24/daily.pdf").param("revision", "1").param("inline", "0"));
        assertThat(jdbc.queryForList("SELECT result FROM audit_event WHERE user_name = 'test-leader' AND action = 'download' "
                + "AND object = 'fraudstats-daily-2022-10-24.pdf' ORDER BY id DESC LIMIT 2", String.class))
                .containsExactly("success", "success: shown inline");
        assertThat(org.fraudstats.audit.AuditWords.result("success: shown inline")).isEqualTo("成功：页面内显示");
    }

    /**
     * A bulletin's page says its first lines as text, the very lines of its mail: on a phone the PDF inside the page
     * often shows blank, and a leader opening the archive there saw a grey box and two buttons.
     */
    @Test
    void aBulletinsPageSaysWhatItsMailSaysFirst_asText() throws Exception {
        String page = page("leader", get("/bulletins/2022-10-24/daily"));
        int from = page.indexOf("<div class=\"key-figures\" id=\"key-figures\">");
        assertThat(from).as(page).isPositive();
        String key = page.substring(from, page.indexOf("</div>", from));
        assertThat(key).contains("<h2>要点</h2>").contains("<p id=\"key-unusual\">异常提示：无异常。</p>")
                .contains("<p>全市主要数字（同比 / 环比）：</p>")
                // expected-by-day's 2022-10-24 city row (11 cases, 9 accounts, 144255.18, 1 refund of 295629.72), against
                // 2022-10-23's (11, 15, 223137.96, 0) and 2021-10-24's
                .contains("<ul><li>电诈警情 11宗（同比-8.3%，环比0.0%）</li><li>止付账户 9个（同比+50.0%，环比-40.0%）</li>"
                        + "<li>止付金额 144,255.18元（同比+209.9%，环比-35.4%）</li>"
                        + "<li>返还案件 1宗（同比-50.0%，环比—（基期为0））</li><li>返还金额 295,629.72元（同比-1.5%，环比—（基期为0））</li></ul>")
                .contains("<p>" + Files.readString(GOLDEN.resolve("expected-headline-2022-01-01_2022-10-24.txt")).strip() + "</p>")
                .contains("<p>" + Files.readString(GOLDEN.resolve("expected-headline-prevention-2022-01-01_2022-10-24.txt")).strip() + "</p>");
        // and above the PDF, which stays
        assertThat(page.indexOf("class=\"pdf-frame\"")).isGreaterThan(from);
        assertThat(page("statistician", get("/bulletins/2022-10-24/daily"))).contains(key);
    }

    @Test
    void aBulletinPageOfADayThatDoesNotExistIsBadInput_notAServerError() throws Exception {
        for (String path : new String[] {"/bulletins/2022-02-30/daily", "/bulletins/2022-99-03/daily", "/bulletins/2022-10-01_2022-10-99/range"}) {
            MockHttpServletResponse page = as("leader", get(path));
            assertThat(page.getStatus()).as(path).isEqualTo(400);
            assertThat(page.getContentAsString(StandardCharsets.UTF_8)).as(path).contains("”不是日期（应如 2022-10-23）")
                    .contains("<p class=\"notice error\" role=\"alert\">日期“").doesNotContain("date 日期")
                    .doesNotContain("服务器内部错误");
        }
    }

    @Test
    void aBulletinNotPublishedIsSaidInChineseOnPages_inEnglishByTheApi() throws Exception {
        for (String path : new String[] {"/bulletins/2022-11-15/daily", "/files/bulletins/2022-11-15/daily.pdf"}) {
            MockHttpServletResponse page = as("leader", get(path));
            assertThat(page.getStatus()).as(path).isEqualTo(404);
            assertThat(page.getContentAsString(StandardCharsets.UTF_8)).as(path).contains("没有已发布的 2022-11-15 的日报。")
                    .doesNotContain("no daily bulletin");
        }
        assertThat(as("leader", get("/bulletins/2022-10-01_2022-10-31/monthly").param("revision", "2")).getContentAsString(StandardCharsets.UTF_8))
                .contains("没有已发布的 2022-10-01 至 2022-10-31 的月报第2版。");
        MockHttpServletResponse api = as("statistician", get("/api/v1/bulletins/2022-11-15/daily.pdf"));
        assertThat(api.getStatus()).isEqualTo(404);
        assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("\"error\": \"no daily bulletin of 2022-11-15\"");
    }

    @Test
    void figuresOfDaysWithoutDataSayThatTheirZerosAreNoData() throws Exception {
        // (other classes load later drops into the same database: days after all of them)
        String later = page("leader", get("/figures").param("from", "2031-01-01").param("to", "2031-01-03"));
        assertThat(later).contains("数据未到：2031-01-01、2031-01-02、2031-01-03 的数据尚未到达，以下数字只计入已报送的这些日期的记录，数字不全（显示为 0 不代表没有警情）。");
        assertThat(page("leader", get("/figures").param("from", "2030-01-01").param("to", "2030-01-31")))
                .contains("数据未到：2030-01-01 等 31 天 的数据尚未到达");
        assertThat(page("leader", get("/figures").param("from", "2022-10-01").param("to", "2022-10-24"))).doesNotContain("数据未到");
    }

    @Test
    void aNumberFieldHoldingSomethingElseIsNamed() throws Exception {
        MockHttpServletResponse refused = mvc.perform(post("/account/token").param("current", "x").param("days", "1.5")
                .with(user("test-statistician").roles("STATISTICIAN")).with(csrf())).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("“days”应为整数，收到的是“1.5”");
        MockHttpServletResponse yes = mvc.perform(post("/runs/plan").param("from", "2022-10-01").param("to", "2022-10-02")
                .param("range", "maybe").with(user("test-statistician").roles("STATISTICIAN")).with(csrf())).andReturn().getResponse();
        assertThat(yes.getStatus()).isEqualTo(400);
        assertThat(yes.getContentAsString(StandardCharsets.UTF_8)).contains("“range”应为 true 或 false，收到的是“maybe”");
    }

    @Test
    void theArchiveListsNewestFirst() throws Exception {
        String listed = "SELECT count(*) FROM audit_event WHERE action = 'list-bulletins' AND role = 'statistician' AND object = ?";
        long all = jdbc.queryForObject(listed, Long.class, "all");
        long october = jdbc.queryForObject(listed, Long.class, "2022-10-01..2022-10-31");

        String page = page("statistician", get("/bulletins"));
        page("statistician", get("/bulletins").param("from", "2022-10-01").param("to", "2022-10-31"));

        // recorded as the API's listing is, not as nothing
        assertThat(jdbc.queryForObject(listed, Long.class, "all")).isEqualTo(all + 1);
        assertThat(jdbc.queryForObject(listed, Long.class, "2022-10-01..2022-10-31")).isEqualTo(october + 1);
        assertThat(page.indexOf("2022-10-24")).isPositive().isLessThan(page.indexOf("2022-10-23"));
        assertThat(page).contains("首发").contains("统计人员")
                // on a phone each bulletin is a block: when it was published is labelled, the files stay on screen
                .contains("<table class=\"data archive\">").contains("<span class=\"phone-only\">发布于 </span>");
    }

    @Test
    void figuresShowTheCommandsNumbers() throws Exception {
        String page = page("leader", get("/figures").param("from", "2022-01-01").param("to", "2022-10-24").param("district", "440600"));
        // the city's cases and stop amount of the sample (expected-headline's exact figures)
        // with separators, as the bulletins print them (a leader compares the two)
        assertThat(page).contains(">343<").contains(">8,059,792.06<").contains("佛山市");
        // what each figure counts, under the table (tester: the portal sent them to a code repository)
        assertThat(page).contains("<h2 id=\"definitions\">统计口径</h2>")
                .contains("<dt><span>止付账户</span> <code>stop_accounts</code></dt><dd>统计期内有止付操作的不同银行账户数（按止付生效时间）；同一账户在统计期和区域内只计一次。</dd>")
                .contains("<dt><span>止付中位时长（分钟）</span> <code>median_minutes_to_stop</code></dt><dd>统计期内接报、且有止付或冻结操作")
                // and the same figures as a file, which the API gives as `metrics --format csv` prints them
                .contains("<a class=\"button secondary\" id=\"download-csv\" href=\"/api/v1/metrics?from=2022-01-01&amp;to=2022-10-24&amp;by=range&amp;district=440600&amp;format=csv\">下载 CSV</a>");
        // the command and the API are the statistician's words, not the leader's (tester 30a: clutter on a phone)
        assertThat(page).doesNotContain("fraudstats metrics").doesNotContain("/api/v1/metrics</code>");
        assertThat(page("statistician", get("/figures").param("from", "2022-10-01").param("to", "2022-10-24")))
                .contains("用命令 <code>fraudstats metrics</code> 或接口 <code>/api/v1/metrics</code> 取得的数字与此一致");
        MockHttpServletResponse csv = as("leader", get("/api/v1/metrics").param("from", "2022-10-01").param("to", "2022-10-24").param("format", "csv"));
        assertThat(csv.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"fraudstats-metrics-2022-10-01_2022-10-24.csv\"");
        assertThat(csv.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/test/resources/golden/expected-range-2022-10-01_2022-10-24.csv")), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(as("leader", get("/api/v1/metrics").param("from", "2022-10-01").param("to", "2022-10-24").param("format", "xls"))
                .getContentAsString()).contains("\"error\": \"format: 'xls' is not json or csv\"");
        assertThat(page).contains("<li>止付、冻结和返还归入其所属警情（最新版本）的辖区。</li>").doesNotContain("id=\"base-period\"");
        // a comparison says what it compares with
        assertThat(page("leader", get("/figures").param("from", "2022-10-10").param("to", "2022-10-16").param("compare", "pop")))
                .contains("<p class=\"notice\" id=\"base-period\">环比基期：2022-10-03 至 2022-10-09（本期 2022-10-10 至 2022-10-16）。</p>");
        assertThat(page("leader", get("/figures").param("from", "2022-10-10").param("to", "2022-10-16").param("compare", "yoy").param("by", "day")))
                .contains("<p class=\"notice\" id=\"base-period\">同比基期：每日与上一年的同一日（2月29日对应2月28日）比较。</p>");
        // the area chooser: the city first and chosen, then the five districts by name
        assertThat(page).containsPattern("<option value=\"440600\" selected=\"selected\">全市</option>\\s*<option value=\"440604\">禅城区</option>");
        // by day for every area: each day's five districts and the city, as metrics --by day prints them
        String byDay = page("leader", get("/figures").param("from", "2022-10-23").param("to", "2022-10-24").param("by", "day"));
        assertThat(byDay).contains(">日期 区域<").contains(">2022-10-23 禅城区<").contains(">2022-10-24 高明区<")
                .containsPattern("<tr class=\"total\">\\s*<th scope=\"row\">2022-10-24 佛山市</th>")
                .containsPattern("<option value=\"\" selected=\"selected\">各区及全市</option>");
        assertThat(byDay.split("<th scope=\"row\">", -1)).hasSize(13);
        MockHttpServletResponse year = as("leader", get("/figures").param("from", "2022-01-01").param("to", "2022-10-24").param("by", "day"));
        assertThat(year.getStatus()).isEqualTo(400);
        // the way out a leader can take (a server command is none): the API, with a token of their own
        assertThat(year.getContentAsString(StandardCharsets.UTF_8)).contains("逐日显示各区时期间最长 92 天")
                .contains("或下载整个期间的逐日 CSV（与接口 /api/v1/metrics?by=day 导出的相同）").doesNotContain("fraudstats metrics --by day")
                // one tap away: a leader on a phone calls no API with a token (r40b)
                .contains("<a class=\"button secondary\" id=\"download-csv-long\" href=\"/api/v1/metrics?from=2022-01-01&amp;to=2022-10-24&amp;by=day&amp;format=csv\">下载整个期间的逐日 CSV</a>");
        assertThat(as("leader", get("/api/v1/metrics").param("from", "2022-01-01").param("to", "2022-10-24").param("by", "day")
                .param("format", "csv")).getContentAsString(StandardCharsets.UTF_8)).startsWith("date_from,date_to,district_code,")
                .contains("\n2022-10-24,2022-10-24,440600,");
        assertThat(page("leader", get("/figures").param("from", "2022-01-01").param("to", "2022-10-24").param("by", "day")
                .param("district", "440600"))).contains(">2022-10-24<");
        MockHttpServletResponse decade = as("leader", get("/figures").param("from", "2013-01-01").param("to", "2022-10-24").param("by", "day")
                .param("district", "440604"));
        assertThat(decade.getStatus()).isEqualTo(400);
        assertThat(decade.getContentAsString(StandardCharsets.UTF_8)).contains("逐日显示时期间最长 732 天");
        assertThat(page("leader", get("/figures").param("from", "2020-10-24").param("to", "2022-10-24").param("by", "day")
                .param("district", "440604"))).contains(">2020-10-24<").contains(">2022-10-24<");
        String yoy = page("statistician", get("/figures").param("from", "2022-10-01").param("to", "2022-10-24").param("compare", "yoy"));
        assertThat(yoy).contains("同比%").contains("（基期）")
                // each comparison column names its figure to a screen reader (r35b: ten columns headed 同比% alone)
                .contains("<th class=\"change\"><span class=\"visually-hidden\">电诈警情</span>同比%</th>")
                // each figure's unit above it, as the bulletins head their columns (r43a: none on the page)
                .contains("<th class=\"num\">电诈警情（宗）</th>", "<th class=\"num\">止付金额（元）</th>",
                        "<th class=\"num\">止付中位时长（分钟）</th>", "<th class=\"base\">电诈警情（基期）</th>");
        // a way of showing the form never sends is refused, as a comparison is, not shown as the whole period
        for (String[] bad : new String[][] {{"by", "week", "显示方式应为整个期间（range）或逐日（day）"}, {"compare", "mom", "对比方式应为同比（yoy）或环比（pop）"}}) {
            MockHttpServletResponse refused = as("statistician", get("/figures").param("from", "2022-10-01").param("to", "2022-10-24").param(bad[0], bad[1]));
            assertThat(refused.getStatus()).as(bad[0]).isEqualTo(400);
            assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains(bad[2]);
        }
    }

    @Test
    void theHeadlinePageQuotesTheSentenceTheExactFiguresAndTheBulletin() throws Exception {
        String page = page("press", get("/headline").param("from", "2022-01-01").param("to", "2022-10-24"));
        assertThat(page).contains("2022年以来，全市共处置电诈警情343宗，快速止付涉诈银行账户187个，止付资金800多万元，办理资金返还案件7宗，返还资金110多万元。")
                .contains(">800多万元<").contains(">8,059,792.06 元<").contains(">110多万元<").contains(">1,180,778.64 元<")
                .contains("data-copy=\"headline-text\"").contains("宣传")
                .contains("<option value=\"440606\">顺德区</option>");
        assertThat(page).containsPattern("依据：<span>电信网络诈骗警情日报</span>\\s*<strong>2022-10-24</strong>");
        assertThat(page("press", get("/headline").param("from", "2022-10-01").param("to", "2022-10-25")))
                .contains("2022-10-25 及以后的日报尚未发布");
    }

    /**
     * The night publishes its 数据未到 daily before the press office starts: the page's default period and every quick
     * link ended on that day and were each refused (tester 30a). They end on the last day whose data arrived.
     */
    @Test
    void theHeadlinesDefaultPeriodEndsBeforeTheDaysWhoseDataHasNotArrived() throws Exception {
        jdbc.update("INSERT INTO bulletin_revision (kind, date_from, date_to, revision, figures, changes, generated_at, last_load_seen) "
                + "VALUES ('daily', DATE '2022-12-04', DATE '2022-12-04', 1, '{\"notes\": {\"missing\": {\"text\": \"数据未到\"}}}', '[]', now(), 0)");
        try {
            String page = page("press", get("/headline"));
            assertThat(page).contains("2022-12-03 至 2022-12-04 的数据未到：常用期间截至 2022-12-02；数据到达、日报发布后再取含这些日子的数字。")
                    .contains("<input type=\"date\" name=\"from\" value=\"2022-01-01\" required>")
                    .contains("<input type=\"date\" name=\"to\" value=\"2022-12-02\" required>")
                    .contains("href=\"/headline?from=2022-12-01&amp;to=2022-12-02&amp;district=440600&amp;topic=handling\">本月以来</a>")
                    .contains("href=\"/headline?from=2022-12-02&amp;to=2022-12-02&amp;district=440600&amp;topic=handling\">当日</a>");
        } finally {
            jdbc.update("DELETE FROM bulletin_revision WHERE kind = 'daily' AND date_from = DATE '2022-12-04'");
        }
        assertThat(page("press", get("/headline"))).doesNotContain("id=\"waiting\"");
    }

    @Test
    void theRerunFormShowsTheDryRunBeforeItRuns() throws Exception {
        String plan = page("statistician", post("/runs/plan").param("from", "2022-10-20").param("to", "2022-10-22").with(csrf()));
        assertThat(plan).contains("预演结果").contains("共 <span>3</span> 天").contains("确认重算")
                // in words, the folder in its title (r35b L8: daily/2022-10-21 (pdf,xlsx) on a Chinese page)
                .contains("<span title=\"daily/2022-10-21 (pdf,xlsx)\">日报 2022-10-21（PDF、Excel）</span>");
        // a refused start is said on the page with the status the API gives it, not 200 (review 31)
        MockHttpServletResponse nothing = as("statistician", post("/runs/start").param("from", "2001-01-01").param("to", "2001-01-02").with(csrf()));
        assertThat(nothing.getStatus()).isEqualTo(400);
        assertThat(nothing.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"form-error\"");
        try (org.fraudstats.storage.RunLock.Held night = context.getBean(org.fraudstats.storage.RunLock.class)
                .days("nightly", java.time.LocalDate.of(2022, 10, 21), java.time.LocalDate.of(2022, 10, 21))) {
            MockHttpServletResponse busy = as("statistician", post("/runs/start").param("from", "2022-10-20").param("to", "2022-10-22").with(csrf()));
            assertThat(busy.getStatus()).isEqualTo(409);
            assertThat(busy.getContentAsString(StandardCharsets.UTF_8)).contains("重新生成 2022-10-20 至 2022-10-22 被拒绝：另一项运行"
                    + "（重新生成或每日任务）正在处理其中的部分日期，请等它结束后再试。").doesNotContain("refused: another run");
        }
        MockHttpServletResponse started = as("statistician", post("/runs/start").param("from", "2022-10-20").param("to", "2022-10-22").with(csrf()));
        assertThat(started.getRedirectedUrl()).matches("/runs/\\d+");
        String id = started.getRedirectedUrl().substring("/runs/".length());
        long deadline = System.nanoTime() + 180_000_000_000L;
        String state;
        do {
            Thread.sleep(200);
            state = as("statistician", get("/runs/" + id + "/state.json")).getContentAsString();
        } while (state.contains("\"running\":true") && System.nanoTime() < deadline);
        assertThat(state).contains("\"status\":\"COMPLETED\"").contains("\"status_name\":\"完成\"").contains("\"done\":3").contains("\"total\":3");
        // in the page's words, the code in its title (r34a: COMPLETED, FAILED on a Chinese page)
        assertThat(page("statistician", get("/runs/" + id))).contains("title=\"COMPLETED\">完成</span>").contains("已完成 <span id=\"rerun-done\">3</span>");
        // the job in the statistician's words too, its code in the title (r35b)
        assertThat(page("statistician", get("/runs"))).contains("<td title=\"rerunBulletins\">重新生成通报</td>")
                .contains("<td title=\"ingestDrop\">加载数据</td>").contains("from=2022-10-20")
                // a drop's checksum cut to 8: whole, one in six held a run of 12 decimal digits (retest); no run.id
                .containsPattern("drop\\.checksum=[0-9a-f]{8} ").doesNotContainPattern("drop\\.checksum=[0-9a-f]{9}")
                .doesNotContain("run.id=");
    }

    /** A distribution file named and missing mails nothing and fails nothing: /runs says it (review r40e). */
    @Test
    void theRunsPageSaysTheDistributionFileIsMissing() throws Exception {
        Object file = context.getBean("distributionFile");
        org.springframework.test.util.ReflectionTestUtils.setField(file, "missing", "/mnt/share/distribution.yml");
        try {
            assertThat(page("statistician", get("/runs"))).contains("<p class=\"notice error\" id=\"distribution-missing\">邮件名单文件 "
                    + "/mnt/share/distribution.yml 不存在或不是文件（设置 fraudstats.distribution）：新发布的通报不发送邮件。文件恢复后，7 天内发布的通报会补发。</p>");
        } finally {
            org.springframework.test.util.ReflectionTestUtils.setField(file, "missing", null);
        }
        assertThat(page("statistician", get("/runs"))).doesNotContain("distribution-missing");
    }

    /** Older runs a page at a time, as /api/v1/runs?before= gives them: after three years last month was out of reach (r40b). */
    @Test
    void theRunsPageGoesBackAPageAtATime() throws Exception {
        java.util.regex.Pattern ids = java.util.regex.Pattern.compile("<td>\\s*(?:<a href=\"/runs/\\d+\">|<span>)(\\d+)<");
        String first = page("statistician", get("/runs"));
        List<Long> shown = ids.matcher(first).results().map(m -> Long.parseLong(m.group(1))).toList();
        assertThat(shown).hasSize(15).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        long oldest = shown.get(14);
        assertThat(first).contains("最近 15 次").doesNotContain("← 最新的运行记录")
                .contains("<a href=\"/runs?before=" + oldest + "#history\">更早的运行记录 →</a>");
        String older = page("statistician", get("/runs").param("before", String.valueOf(oldest)));
        List<Long> next = ids.matcher(older).results().map(m -> Long.parseLong(m.group(1))).toList();
        assertThat(next).isNotEmpty().allMatch(id -> id < oldest)
                .isEqualTo(jdbc.queryForList("SELECT job_execution_id FROM batch_job_execution WHERE job_execution_id < ? "
                        + "ORDER BY job_execution_id DESC LIMIT 15", Long.class, oldest));
        assertThat(older).contains("编号 " + oldest + " 之前的 15 次").contains("<a href=\"/runs#history\">← 最新的运行记录</a>");
        assertThat(page("statistician", get("/runs").param("before", "1"))).contains("没有更早的运行记录。").doesNotContain("更早的运行记录 →");
        // the oldest 15 exactly: no link to an empty page (r40f)
        long sixteenth = jdbc.queryForObject("SELECT job_execution_id FROM batch_job_execution ORDER BY 1 LIMIT 1 OFFSET 15", Long.class);
        String last = page("statistician", get("/runs").param("before", String.valueOf(sixteenth)));
        assertThat(ids.matcher(last).results().count()).isEqualTo(15);
        assertThat(last).doesNotContain("更早的运行记录 →").contains("← 最新的运行记录");
        assertThat(as("statistician", get("/runs").param("before", "abc")).getStatus()).isEqualTo(400);
    }

    /** A failed load says why on /runs, as history and /api/v1/runs do: the page said 失败 alone (r39d). */
    @Test
    void theRunsPageSaysWhyALoadFailed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path inbox) throws Exception {
        new org.fraudstats.support.Drops(inbox).write("2022-11-27", "cases.csv", "case_id,reported_at,district_code\nC1,2022-11-27T09:00:00+08:00,440604\n");
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-11-27").exitCode()).isEqualTo(1);
        long failed = jdbc.queryForObject("SELECT max(job_execution_id) FROM batch_job_execution", Long.class);
        try {
            assertThat(page("statistician", get("/runs"))).containsPattern("<td title=\"ingestDrop\">加载数据</td>\\s*<td><span class=\"status failed\" "
                    + "title=\"FAILED\">失败</span><br><small class=\"muted\">[^<]*required column &#39;fraud_type&#39; missing from the header</small></td>");
        } finally {
            // a day whose drop was tried and not loaded is 数据未到 to every bulletin reading it: the other tests' bulletins
            jdbc.update("DELETE FROM batch_step_execution_context WHERE step_execution_id IN "
                    + "(SELECT step_execution_id FROM batch_step_execution WHERE job_execution_id = ?)", failed);
            jdbc.update("DELETE FROM batch_step_execution WHERE job_execution_id = ?", failed);
            jdbc.update("DELETE FROM batch_job_execution_context WHERE job_execution_id = ?", failed);
            jdbc.update("DELETE FROM batch_job_execution_params WHERE job_execution_id = ?", failed);
            long instance = jdbc.queryForObject("SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?", Long.class, failed);
            jdbc.update("DELETE FROM batch_job_execution WHERE job_execution_id = ?", failed);
            jdbc.update("DELETE FROM batch_job_instance WHERE job_instance_id = ?", instance);
        }
    }

    @Test
    void theRunsPageShowsTheScheduledNightsAndWhyOneFailed() throws Exception {
        jdbc.update("DELETE FROM schedule_run WHERE business_day >= '2031-01-01'");
        jdbc.update("INSERT INTO schedule_run (schedule, business_day, status, started_at, finished_at, instance, detail) VALUES "
                + "('nightly', '2031-01-02', 'FAILED', '2031-01-03T01:30:00+08:00', '2031-01-03T01:30:04+08:00', 'node', "
                + "'drop 2031-01-02 not loaded: cases.csv: required column ''loss_amount'' missing from the header'), "
                + "('nightly', '2031-01-01', 'MISSING_DATA', '2031-01-02T01:30:00+08:00', '2031-01-02T07:30:00+08:00', 'node', NULL), "
                + "('nightly', '2031-01-03', 'WAITING', '2031-01-04T01:30:00+08:00', NULL, 'node', "
                + "'drop not in /srv/inbox; looking again in PT14M59.999S, deadline 2031-01-04T07:30+08:00')");
        try {
            String page = page("statistician", get("/runs"));
            assertThat(page).contains("<h2>定时任务 ")
                    .containsPattern("<td>2031-01-02</td>\\s*<td><span class=\"status failed\">失败</span></td>\\s*"
                            + "<td class=\"wide\">drop 2031-01-02")
                    .contains("drop 2031-01-02 not loaded: cases.csv: required column &#39;loss_amount&#39; missing from the header（自动重试中）")
                    .containsPattern("<td>2031-01-01</td>\\s*<td><span class=\"status failed\">数据未到</span></td>")
                    // the schedule's own English line in the statistician's words (tester)
                    .contains("<td class=\"wide\">数据未到（收件目录 /srv/inbox）；15 分钟后再查看，截止 2031-01-04 07:30</td>");
            assertThat(page.indexOf("2031-01-02")).isLessThan(page.indexOf("2031-01-01"));
        } finally {
            jdbc.update("DELETE FROM schedule_run WHERE business_day >= '2031-01-01'");
        }
    }

    /**
     * web.md gives the administrator the schedules: each one, when it fires next, and what the last periods came to,
     * read only (r38f: the administrator could see none). A failed week names who renders it and where, not a form
     * "above" that this page does not have.
     */
    @Test
    void theAdministratorReadsTheSchedulesAndWhatTheyRan() throws Exception {
        jdbc.update("DELETE FROM schedule_run WHERE business_day >= '2031-01-01'");
        jdbc.update("INSERT INTO schedule_run (schedule, business_day, status, started_at, finished_at, instance, detail) VALUES "
                + "('weekly', '2031-01-13', 'FAILED', '2031-01-20T02:30:00+08:00', '2031-01-20T02:30:04+08:00', 'node', "
                + "'drop 2031-01-19 not loaded: cases.csv: required column ''loss_amount'' missing from the header'), "
                + "('nightly', '2031-01-20', 'DONE', '2031-01-21T01:30:00+08:00', '2031-01-21T01:30:09+08:00', 'node', NULL), "
                + "('nightly', '2031-01-21', 'FAILED', '2031-01-22T01:30:00+08:00', '2031-01-22T01:30:04+08:00', 'node', "
                + "'1 rollup rows differ from the facts, the first: 2031-01-14,440604,cases,3,4; nothing was rendered: fraudstats verify "
                + "--from 2031-01-14 --to 2031-01-14 lists them, and with --repair mends them')");
        try {
            String page = page("admin", get("/schedules"));
            // a rollup refusal without its row of a district's figures, which web.md gives leaders and statisticians only
            // (review r39e); the statistician's /runs and API keep it
            assertThat(page).contains("日汇总与明细数据不一致（共 1 行），未生成任何通报；请运维人员运行 fraudstats verify --from 2031-01-14 "
                    + "--to 2031-01-14 --repair 修复").doesNotContain("440604,cases");
            assertThat(page("admin", get("/api/v1/schedule").param("limit", "3"))).contains("\"detail\": \"1 rollup rows differ from the "
                    + "facts; nothing was rendered: fraudstats verify --from 2031-01-14").doesNotContain("440604,cases");
            assertThat(page("statistician", get("/api/v1/schedule").param("limit", "3"))).contains("the first: 2031-01-14,440604,cases,3,4");
            assertThat(page("statistician", get("/runs"))).contains("2031-01-14,440604,cases,3,4");
            // serve is not running in this test: the next fires are the crons' own, in Beijing time
            assertThat(page).contains("<h1>定时任务</h1>").contains("本页只供查看")
                    .containsPattern("<td class=\"name\">nightly</td>\\s*<td class=\"wide\"><span>日报任务（载入前一天的数据，生成日报，修订受影响的通报）</span>")
                    .contains("<code>0 30 1 * * ?</code>").contains("<code>0 30 2 ? * MON</code>").contains("<code>0 0 3 1 * ?</code>")
                    .containsPattern("<span>\\d{4}-\\d{2}-\\d{2} 01:30</span>")
                    .containsPattern("<span>\\d{4}-\\d{2}-01 03:00</span>")
                    .contains("（按时间表推算：serve 尚未安装此任务）")
                    .contains("周报（上周一至周日）").contains("月报（上一个自然月）")
                    .containsPattern("<td>2031-01-13</td>\\s*<td><span class=\"status failed\">失败</span></td>")
                    .contains("（不自动重试：问题解决后，由统计人员在“运行与重算”页面重算 2031-01-13 至 2031-01-19，勾选“同时生成整个区间的通报”")
                    .doesNotContain("在上方").doesNotContain("/runs/plan")
                    .contains("<a href=\"/schedules\"");
            java.util.regex.Matcher monday = java.util.regex.Pattern.compile("<span>(\\d{4}-\\d{2}-\\d{2}) 02:30</span>").matcher(page);
            assertThat(monday.find()).isTrue();
            assertThat(java.time.LocalDate.parse(monday.group(1)).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
            // the other roles are refused (403 and audited, as RoleMatrixTest asks of every page)
            assertThat(as("statistician", get("/schedules")).getStatus()).isEqualTo(403);
        } finally {
            jdbc.update("DELETE FROM schedule_run WHERE business_day >= '2031-01-01'");
        }
    }

    @Test
    void theRerunFormCanAskForTheBulletinOfTheWholeRange() throws Exception {
        String plan = page("statistician", post("/runs/plan").param("from", "2022-10-01").param("to", "2022-10-31")
                .param("range", "true").with(csrf()));
        // the dry run names the month's own bulletin, and the confirm form carries the choice on
        assertThat(plan).contains("月报 2022-10-01 至 2022-10-31（PDF、Excel）")
                .contains("<input type=\"hidden\" name=\"range\" value=\"true\">");
        assertThat(page("statistician", post("/runs/plan").param("from", "2022-10-01").param("to", "2022-10-02").with(csrf())))
                .doesNotContain("range/").doesNotContain("name=\"range\" value=\"true\">");
        // a day to come: said on the form, no plan and no button to start it
        java.time.LocalDate today = org.fraudstats.support.BeijingToday.clearOfMidnight();
        MockHttpServletResponse refused = as("statistician", post("/runs/plan").param("from", today.toString()).param("to", today.plusDays(1).toString()).with(csrf()));
        // 400, as every refused form; the line under the form, the day at fault marked
        assertThat(refused.getStatus()).isEqualTo(400);
        String future = refused.getContentAsString(StandardCharsets.UTF_8);
        assertThat(future.indexOf("id=\"form-error\"")).isGreaterThan(future.indexOf("id=\"dry-run\""));
        assertThat(future).contains("name=\"to\" aria-invalid=\"true\"").contains("止 " + today.plusDays(1) + " 这一天还没有结束（今天是北京时间 " + today + "）：一天结束后才能生成它的日报")
                .doesNotContain("id=\"confirm-rerun\"");
    }

    @Test
    void rejectsShowAccountNumbersMaskedOnly() throws Exception {
        String page = page("statistician", get("/rejects"));
        assertThat(page).contains("拒收记录").contains("cases.csv");
        assertThat(page).doesNotContainPattern("\\d{12,}");
        // the loader's reason in Chinese, its own line under it (tester: English on a Chinese page)
        assertThat(page).contains("<span>amount：不是以元为单位的普通小数（如 1234.5）</span><br>"
                + "<span class=\"muted\">值：</span><code class=\"value\">");
        // rule 4's rows waiting for their case: which, for which case, from which drop and line (tester: only a count)
        long pending = jdbc.queryForObject("SELECT (SELECT count(*) FROM fact_freeze_key f WHERE NOT EXISTS (SELECT 1 FROM fact_case_key c "
                + "WHERE c.case_id = f.case_id)) + (SELECT count(*) FROM fact_refund_key r WHERE NOT EXISTS (SELECT 1 FROM fact_case_key c "
                + "WHERE c.case_id = r.case_id))", Long.class);
        assertThat(pending).isPositive();
        assertThat(page).contains("共 <span>" + pending + "</span> 条止付冻结或返还记录所属的警情尚未报送");
        var oneWaiting = jdbc.queryForMap("SELECT f.freeze_id, f.case_id, f.drop_date::text AS drop_date, f.line FROM fact_freeze f "
                + "WHERE NOT EXISTS (SELECT 1 FROM fact_case_key c WHERE c.case_id = f.case_id) ORDER BY f.business_day DESC, f.freeze_id LIMIT 1");
        assertThat(page).containsPattern("<td>止付冻结</td>\\s*<td>" + oneWaiting.get("freeze_id") + "</td>\\s*<td>" + oneWaiting.get("case_id")
                + "</td>\\s*<td>[0-9-]+</td>\\s*<td>" + oneWaiting.get("drop_date") + "</td>\\s*<td class=\"num\">" + oneWaiting.get("line") + "</td>");
        // a rejected correction: the version that counts instead, and where it came from (tester: neither said it)
        assertThat(page).containsPattern("<td>FS00002131</td>\\s*<td class=\"wide reason\">.*<strong class=\"counted\">"
                + "此记录此前已载入，本行的更正被拒：统计仍按数据包 2022-10-15 第 19 行的版本。</strong></td>");
        // the value a provider must be told, masked as stored (tester: only the API had it)
        assertThat(page).contains("<span>district_code：不是已配置的区县代码</span><br><span class=\"muted\">值：</span><code class=\"value\">440699</code>")
                .contains("<span>district_code：不是已配置的区县代码</span><br><span class=\"muted\">值：</span><code class=\"value\">440600</code>");
    }

    @Test
    void theRejectsPageShowsTheLatestDropsFirst_andSaysHowManyItLeavesOut() throws Exception {
        String newest = jdbc.queryForObject("SELECT max(drop_date)::text FROM reject", String.class);
        String oldest = jdbc.queryForObject("SELECT min(drop_date)::text FROM reject", String.class);
        String page = page("statistician", get("/rejects"));
        assertThat(page).contains("共 <span>59</span> 条，最新的数据包在前").doesNotContain("页面显示最新的");
        assertThat(page.indexOf("<td>" + newest + "</td>")).isPositive().isLessThan(page.indexOf("<td>" + oldest + "</td>"));
        // a thousand more from a later drop: the page shows them, says it shows a thousand of 1059, and shows none of
        // the older ones it leaves out
        jdbc.update("INSERT INTO reject (drop_date, file, line, record_id, reason, record_values) SELECT DATE '2030-01-01', "
                + "'cases.csv', g, 'Z' || g, 'test', '{}'::json FROM generate_series(2, 1001) g");
        try {
            String more = page("statistician", get("/rejects"));
            assertThat(more).contains("共 <span>1059</span> 条，最新的数据包在前<span>，页面显示最新的 <span>1000</span> 条")
                    .contains("<td>Z2</td>").contains("<td>Z1001</td>").doesNotContain("<td>" + newest + "</td>");
            assertThat(page("statistician", get("/rejects").param("from", oldest).param("to", newest)))
                    .contains("共 <span>59</span> 条").contains("<td>" + oldest + "</td>").doesNotContain("页面显示最新的");
        } finally {
            jdbc.update("DELETE FROM reject WHERE drop_date = DATE '2030-01-01'");
        }
    }

    @Test
    void aFormAskedWithWhatItCannotUseComesBackAs400WithTheLineAndTheFieldsMarked() throws Exception {
        MockHttpServletResponse bad = as("leader", get("/figures").param("from", "2022-10-05").param("to", "2022-10-01")
                .param("district", "440604").param("compare", "yoy"));
        assertThat(bad.getStatus()).isEqualTo(400);
        String figures = bad.getContentAsString(StandardCharsets.UTF_8);
        // the form as typed, the line under it, both dates marked and described by it; no table of another period
        assertThat(figures).doesNotContain("Exception")
                .contains("<p class=\"notice error\" id=\"form-error\" role=\"alert\">起始日期 2022-10-05 晚于截止日期 2022-10-01</p>")
                .contains("<input type=\"date\" name=\"from\" aria-invalid=\"true\" aria-describedby=\"form-error\" value=\"2022-10-05\" required>")
                .contains("<input type=\"date\" name=\"to\" aria-invalid=\"true\" aria-describedby=\"form-error\" value=\"2022-10-01\" required>")
                .contains("<option value=\"440604\" selected=\"selected\">").contains("<option value=\"yoy\" selected=\"selected\">同比</option>")
                .doesNotContain("<table").doesNotContain("统计口径");
        assertThat(figures.indexOf("<select name=\"district\">")).as("only the fields at fault are marked").isPositive();
        // everything wrong said at once, each field marked: one at a time, a user fixed one and met the next (tester)
        String several = as("statistician", get("/figures").param("from", "2022-10-01").param("to", "2022-10-24")
                .param("compare", "x").param("by", "week").param("district", "123")).getContentAsString(StandardCharsets.UTF_8);
        assertThat(several).contains("没有代码为 123 的地区（可选：440604、440605、440606、440607、440608、440600）；对比方式应为同比（yoy）或环比（pop）；"
                        + "显示方式应为整个期间（range）或逐日（day）")
                .contains("<select name=\"district\" aria-invalid=\"true\"").contains("<select name=\"compare\" aria-invalid=\"true\"")
                .contains("<select name=\"by\" aria-invalid=\"true\"").doesNotContain("name=\"from\" aria-invalid");
        // both dates wrong: both said and marked, not 起 alone (retest)
        String bothDates = as("leader", get("/figures").param("from", "xx").param("to", "yy")).getContentAsString(StandardCharsets.UTF_8);
        assertThat(bothDates).contains("起始日期“xx”不是日期（应如 2022-10-23）；截止日期“yy”不是日期（应如 2022-10-23）")
                .contains("name=\"from\" aria-invalid=\"true\"").contains("name=\"to\" aria-invalid=\"true\"");
        // in Chinese on a page, as the pages are; the API says the same in English (PortalApiTest)
        MockHttpServletResponse district = as("press", get("/headline").param("from", "2022-10-01").param("to", "2022-10-24")
                .param("district", "440699"));
        assertThat(district.getStatus()).isEqualTo(400);
        assertThat(district.getContentAsString(StandardCharsets.UTF_8))
                .contains("没有代码为 440699 的地区（可选：440604、440605、440606、440607、440608、440600）")
                .contains("<select name=\"district\" aria-invalid=\"true\" aria-describedby=\"form-error\">")
                .contains("<input type=\"date\" name=\"from\" value=\"2022-10-01\" required>")
                .doesNotContain("headline-text");
        // a district or topic given twice is said so, in the page's words (tester 30a: "440605?440606", "handling 或 prevention")
        assertThat(as("press", get("/headline").param("from", "2022-10-01").param("to", "2022-10-24").param("district", "440605", "440606")
                .param("topic", "handling", "prevention")).getContentAsString(StandardCharsets.UTF_8))
                .contains("地区只能选一个；主题只能选一个（处置与返还，或预警与劝阻）");
        MockHttpServletResponse api = as("leader", get("/api/v1/metrics").param("from", "2022-10-05").param("to", "2022-10-01"));
        assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("from 2022-10-05 is after to 2022-10-01");
        // a number pasted into a date field does not come back in the page: the field is empty, the line masks it
        String pasted = as("leader", get("/bulletins").param("from", "6222" + "0212" + "3456" + "7890").param("kind", "monthly"))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(pasted).doesNotContainPattern("\\d{12}")
                .contains("<input type=\"date\" name=\"from\" aria-invalid=\"true\" aria-describedby=\"form-error\" value=\"\">")
                .contains("<option value=\"monthly\" selected=\"selected\">月报</option>").doesNotContain("没有已发布的通报");
        String audit = as("auditor", get("/audit").param("from", "2022-10-24").param("to", "2022-10-01").param("action", "sign-in"))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(audit).contains("起始日期 2022-10-24 晚于截止日期 2022-10-01").contains("name=\"action\" value=\"sign-in\"")
                .doesNotContain("条符合条件");
        // a role the list does not hold is named, not read as a part of a code matching nothing under 全部 (tester)
        // one end alone, as the archive takes it (review 31): 起 alone runs to today, 止 alone is the week to it
        String since = page("auditor", get("/audit").param("from", "2022-10-01"));
        assertThat(since).contains("name=\"from\" value=\"2022-10-01\"").containsPattern("name=\"to\" value=\"\\d{4}-\\d{2}-\\d{2}\"");
        assertThat(page("auditor", get("/audit").param("to", "2022-10-24"))).contains("name=\"from\" value=\"2022-10-18\"");
        assertThat(page("statistician", get("/rejects").param("from", "2022-10-24"))).contains("value=\"2022-10-24\"");
        assertThat(jdbc.queryForObject("SELECT object FROM audit_event WHERE action = 'read-rejects' ORDER BY id DESC LIMIT 1", String.class))
                .isEqualTo("2022-10-24..");
        MockHttpServletResponse chief = as("auditor", get("/audit").param("role", "chief"));
        assertThat(chief.getStatus()).isEqualTo(400);
        assertThat(chief.getContentAsString(StandardCharsets.UTF_8)).contains("角色“chief”不在列表中：请从列表中选择")
                .contains("<select name=\"role\" aria-invalid=\"true\" aria-describedby=\"form-error\">");
    }

    @Test
    void aSignedInPageSaysWhenItsIdleSessionEnds_andContinuingKeepsIt() throws Exception {
        for (String role : new String[] {"leader", "press", "auditor"}) {
            String page = page(role, get("/account"));
            // portal.js warns two minutes before the 30 idle minutes end, with 继续使用 (WCAG 2.2.1)
            assertThat(page).as(role).contains("<body data-session-seconds=\"1800\">")
                    .contains("<div class=\"session-warning\" id=\"session-warning\" role=\"alert\" hidden>")
                    .contains("<button type=\"button\" id=\"session-keep\" data-url=\"/account/session\">继续使用</button>")
                    // signing in again says why (登录已超时), as a page asked with the ended session does
                    .contains("<a id=\"session-signin\" href=\"/login?expired\" hidden>重新登录</a>");
            MockHttpServletResponse kept = as(role, get("/account/session"));
            assertThat(kept.getStatus()).isEqualTo(204);
            assertThat(kept.getHeader("Cache-Control")).isEqualTo("no-store");
        }
        assertThat(mvc.perform(get("/account/session")).andReturn().getResponse().getStatus()).as("signed out: to the sign-in page").isEqualTo(302);
        // an error page of a signed-in user warns too (tester)
        assertThat(as("leader", get("/bulletins/2022-10-23/daily").param("revision", "x")).getContentAsString(StandardCharsets.UTF_8))
                .contains("<body data-session-seconds=\"1800\">");
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("session-warning").doesNotContain("data-session-seconds")
                .contains("连续 5 次登录失败，账号将锁定 15 分钟；30 分钟无操作自动退出。");
    }

    @Test
    void badInputOnAPageWithoutAFormIsA400PageWithOneLineAndTheWayBack() throws Exception {
        // the page the wrong request came from is one tap away, as it was; never another site's, nor an address holding
        // an account-like run of digits
        MockHttpServletResponse fromTheArchive = as("leader", get("/bulletins/2022-10-23/daily").param("revision", "x")
                .header("Referer", "http://localhost/bulletins?from=2022-10-01&to=2022-10-24&kind=daily"));
        assertThat(fromTheArchive.getStatus()).isEqualTo(400);
        assertThat(fromTheArchive.getContentAsString(StandardCharsets.UTF_8))
                .contains("<p class=\"notice error\" role=\"alert\">修订号应为正整数：x</p>")
                .contains("<a href=\"/bulletins?from=2022-10-01&amp;to=2022-10-24&amp;kind=daily\" class=\"back\">← 返回修改</a>");
        for (String elsewhere : new String[] {"https://elsewhere.example/bulletins?from=2022-10-01", "http://localhost//elsewhere.example/x",
                "http://localhost/bulletins?from=" + "6222" + "0212" + "3456" + "7890", "not a uri at all"}) {
            assertThat(as("leader", get("/bulletins/2022-10-23/daily").param("revision", "x").header("Referer", elsewhere))
                    .getContentAsString(StandardCharsets.UTF_8)).as(elsewhere).doesNotContain("返回修改").doesNotContainPattern("\\d{12}");
        }
    }

    @Test
    void everyoneChangesTheirOwnPasswordWithTheCurrentOneAndMakesTheirOwnToken() throws Exception {
        var users = context.getBean(org.fraudstats.access.Users.class);
        users.add("own.press", org.fraudstats.access.Role.PRESS, "Own-Press-Passw0rd", org.fraudstats.access.Actor.commandLine());
        var wrong = mvc.perform(post("/account/password").param("current", "Not-The-Passw0rd").param("password", "New-Press-Passw0rd")
                .param("repeat", "New-Press-Passw0rd").with(user("own.press").roles("PRESS")).with(csrf())).andReturn();
        // said under the form, the field at fault marked (r35b: a line at the top of the page, tied to no field)
        assertThat(wrong.getFlashMap().get("passwordProblem")).isEqualTo("当前密码不正确");
        assertThat(wrong.getFlashMap().get("passwordField")).isEqualTo("current");
        assertThat(mvc.perform(get("/account").cookie(wrong.getResponse().getCookie("SESSION")).with(user("own.press").roles("PRESS")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .containsPattern("name=\"current\" required autocomplete=\"current-password\"\\s+aria-invalid=\"true\" aria-describedby=\"password-problem\"")
                .contains("<p class=\"notice error\" id=\"password-problem\" role=\"alert\">当前密码不正确</p>")
                .contains("aria-describedby=\"password-rule\"");
        var right = mvc.perform(post("/account/password").param("current", "Own-Press-Passw0rd").param("password", "New-Press-Passw0rd")
                .param("repeat", "New-Press-Passw0rd").with(user("own.press").roles("PRESS")).with(csrf())).andReturn();
        assertThat(right.getFlashMap().get("done")).isEqualTo("密码已修改");
        var guessed = mvc.perform(post("/account/token").param("current", "Own-Press-Passw0rd").param("days", "7")
                .with(user("own.press").roles("PRESS")).with(csrf())).andReturn();
        assertThat(guessed.getFlashMap().get("error")).isEqualTo("当前密码不正确");
        assertThat(context.getBean(org.fraudstats.access.Tokens.class).list()).noneMatch(t -> t.user().equals("own.press"));
        assertThat(jdbc.queryForList("SELECT concat_ws('|', user_name, action, object, result) FROM audit_event "
                + "WHERE user_name = 'own.press' AND action = 'token-create'", String.class))
                .containsExactly("own.press|token-create|own.press|failure: wrong current password");
        assertThat(jdbc.queryForObject("SELECT failed_attempts FROM app_user WHERE name = 'own.press'", Integer.class)).isEqualTo(1);
        var token = mvc.perform(post("/account/token").param("current", "New-Press-Passw0rd").param("days", "7")
                .with(user("own.press").roles("PRESS")).with(csrf())).andReturn();
        String secret = secretIn(token.getResponse());
        assertThat(secret).startsWith("fst_");
        assertThat(jdbc.queryForObject("SELECT failed_attempts FROM app_user WHERE name = 'own.press'", Integer.class)).isZero();
        assertThat(context.getBean(org.fraudstats.access.Tokens.class).holder(secret).orElseThrow().name()).isEqualTo("own.press");
        assertThat(mvc.perform(get("/account").with(user("own.press").roles("PRESS"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("作废");

        // refusals of what is asked, not of who asks, are recorded too (tester B)
        var tooLong = mvc.perform(post("/account/token").param("current", "New-Press-Passw0rd").param("days", "5000")
                .with(user("own.press").roles("PRESS")).with(csrf())).andReturn();
        assertThat(tooLong.getFlashMap().get("error")).isEqualTo("有效天数 5000 超出范围：应为 1 至 3660 天");
        var none = mvc.perform(post("/account/token").param("current", "New-Press-Passw0rd").param("days", "0")
                .with(user("own.press").roles("PRESS")).with(csrf())).andReturn();
        assertThat(none.getFlashMap().get("error")).isEqualTo("有效天数 0 无效：至少 1 天");
        var differ = mvc.perform(post("/account/password").param("current", "New-Press-Passw0rd").param("password", "Another-Press-Passw0rd")
                .param("repeat", "Another-Press-Passw0rD").with(user("own.press").roles("PRESS")).with(csrf())).andReturn();
        assertThat(differ.getFlashMap().get("passwordProblem")).isEqualTo("两次输入的新密码不一致");
        assertThat(differ.getFlashMap().get("passwordField")).isEqualTo("repeat");
        assertThat(jdbc.queryForList("SELECT concat_ws('|', action, object, result) FROM audit_event WHERE user_name = 'own.press' "
                + "AND result LIKE 'refused%' ORDER BY id", String.class)).containsExactly(
                "token-create|own.press (5000 days)|refused: out of range", "token-create|own.press (0 days)|refused: out of range",
                "user-password|own.press|refused: the repeat differs");
    }

    @Test
    void guessingTheCurrentPasswordToMakeATokenLocksTheUserAndEndsTheSession() throws Exception {
        var users = context.getBean(org.fraudstats.access.Users.class);
        users.add("guess.stat", org.fraudstats.access.Role.STATISTICIAN, "Guess-Stat-Passw0rd", org.fraudstats.access.Actor.commandLine());
        String last = null;
        for (int i = 0; i < 5; i++) {
            last = mvc.perform(post("/account/token").param("current", "Guess-" + i).with(user("guess.stat").roles("STATISTICIAN"))
                    .with(csrf())).andReturn().getResponse().getRedirectedUrl();
        }
        assertThat(last).isEqualTo("/login?locked");
        // MockMvc's user() signs each request in anew, and a fourth such session replaces the first (recorded then)
        assertThat(jdbc.queryForList("SELECT concat_ws('|', action, result) FROM audit_event WHERE user_name = 'guess.stat' "
                + "AND action IN ('lockout', 'sign-out') AND result <> 'ended: replaced by a newer sign-in' ORDER BY id", String.class))
                .satisfiesExactly(lock -> assertThat(lock).startsWith("lockout|locked until ").endsWith("+08:00"),
                        end -> assertThat(end).isEqualTo("sign-out|ended: locked"));
        // the auditor reads them in Chinese, each beside the code the filters match
        String log = mvc.perform(get("/audit").param("user", "guess.stat").with(user("an.auditor").roles("AUDITOR")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(log).contains("<td data-label=\"角色\">统计人员</td>")
                .containsPattern("<span>锁定账号</span><br><code class=\"muted\">lockout</code>")
                .containsPattern("<span>锁定至 \\d{4}-\\d\\d-\\d\\dT[0-9:]+\\+08:00</span>")
                .contains("<span>退出登录</span><br><code class=\"muted\">sign-out</code>")
                .contains("<span>会话结束：账号已锁定</span><br><code class=\"muted\">ended: locked</code>")
                .contains("<span>失败：当前密码错误</span><br><code class=\"muted\">failure: wrong current password</code>");
        var rightButLocked = mvc.perform(post("/account/token").param("current", "Guess-Stat-Passw0rd")
                .with(user("guess.stat").roles("STATISTICIAN")).with(csrf())).andReturn();
        assertThat(rightButLocked.getFlashMap().get("error")).isEqualTo("当前密码不正确");
        assertThat(context.getBean(org.fraudstats.access.Tokens.class).list()).noneMatch(t -> t.user().equals("guess.stat"));
    }

    /** When each user last signed in, in Foshan's time: an account unused for months is found there and disabled (r42b). */
    @Test
    void theUsersPageSaysWhenEachUserLastSignedIn() throws Exception {
        var users = context.getBean(org.fraudstats.access.Users.class);
        var cli = org.fraudstats.access.Actor.commandLine();
        users.add("seen.leader", org.fraudstats.access.Role.LEADER, "Seen-Leader-Pass-1", cli);
        users.add("unseen.press", org.fraudstats.access.Role.PRESS, "Unseen-Press-Pass-1", cli);
        jdbc.update("UPDATE app_user SET last_signed_in_at = '2026-11-30 23:45:00+00' WHERE name = 'seen.leader'");

        String page = page("admin", get("/users"));

        assertThat(page).contains("<th>创建</th><th>最近登录</th><th>操作</th>");
        assertThat(page).containsPattern("<td class=\"name\">seen.leader</td>(?s:.*?)<td data-label=\"最近登录\">2026-12-01 07:45</td>");
        assertThat(page).containsPattern("<td class=\"name\">unseen.press</td>(?s:.*?)<td data-label=\"最近登录\">从未</td>");
    }

    @Test
    void everyRefusalOnTheUsersPageIsAudited_andAnAuditorsTokenIsNotRevokedThere() throws Exception {
        var users = context.getBean(org.fraudstats.access.Users.class);
        var tokens = context.getBean(org.fraudstats.access.Tokens.class);
        var cli = org.fraudstats.access.Actor.commandLine();
        users.add("ref.auditor", org.fraudstats.access.Role.AUDITOR, "Refused-Audit-1x", cli);
        String auditorsToken = tokens.create("ref.auditor", 30, cli);
        long id = tokens.holder(auditorsToken).map(h -> tokens.list().stream().filter(t -> t.user().equals("ref.auditor"))
                .findFirst().orElseThrow().id()).orElseThrow();
        for (var request : List.of(post("/users").param("name", "ref.auditor").param("role", "leader"),
                post("/users/token").param("name", "ref.nobody"), post("/users/password").param("name", "ref.nobody"),
                post("/users/totp").param("name", "ref.nobody"), post("/users/disable").param("name", "ref.nobody"),
                post("/users/enable").param("name", "ref.nobody"), post("/users/token/revoke").param("id", "999999"), post("/users/token/revoke").param("id", Long.toString(id)))) {
            var refused = mvc.perform(request.with(user("ref.admin").roles("ADMIN")).with(csrf())).andReturn();
            assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/users");
            assertThat(refused.getFlashMap().get("error") != null || refused.getFlashMap().get("addProblem") != null).isTrue();
        }
        assertThat(tokens.holder(auditorsToken)).isPresent();
        assertThat(jdbc.queryForList("SELECT concat_ws('|', action, object, result) FROM audit_event WHERE user_name = 'ref.admin' "
                + "ORDER BY id", String.class)).containsExactly(
                "user-add|ref.auditor|refused: user ref.auditor exists already",
                "token-create|ref.nobody|refused: separation of duties",
                "user-password|ref.nobody|refused: no user ref.nobody (see ./fraudstats user list)",
                "user-totp|ref.nobody|refused: no user ref.nobody (see ./fraudstats user list)",
                "user-disable|ref.nobody|refused: no user ref.nobody (see ./fraudstats user list)",
                "user-enable|ref.nobody|refused: no user ref.nobody (see ./fraudstats user list)",
                "token-revoke|token 999999|refused: no valid token 999999",
                "token-revoke|token " + id + " (ref.auditor)|refused: separation of duties");
        assertThat(page("admin", get("/users"))).containsPattern("value=\"" + id + "\"><button type=\"submit\" class=\"secondary\" aria-label=\"作废（令牌 " + id + "）\" disabled=\"disabled\">作废");
        // why the auditor's buttons are grey, said at them (r35b: a paragraph below the table, which a keyboard never reached)
        assertThat(page("admin", get("/users"))).containsPattern("aria-label=\"停用（ref.auditor）\" disabled=\"disabled\">停用</button></form>\\s*"
                + "<small class=\"muted\">职责分离：在服务器上用命令操作</small>");
    }

    @Test
    void aPasswordTypedIntoTheNameFieldIsKeptAsItsLengthInTheAuditLogAndTheNotice() throws Exception {
        // what an administrator pastes into the wrong field is refused: the log nothing may change for 180 days keeps its
        // length, as the sign-in page keeps a password typed as a name (review r35d)
        String pasted = "Paste!" + "Secret2029";
        for (var request : List.of(post("/users").param("name", pasted).param("role", "leader").param("password", ""),
                post("/users/password").param("name", pasted), post("/users/disable").param("name", pasted))) {
            var refused = mvc.perform(request.with(user("paste.admin").roles("ADMIN")).with(csrf())).andReturn();
            assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/users");
            String said = (String) (refused.getFlashMap().containsKey("addProblem") ? refused.getFlashMap().get("addProblem")
                    : refused.getFlashMap().get("error"));
            assertThat(said).contains("(not a user name, 16 characters)").doesNotContain("Secret");
            assertThat(refused.getFlashMap().values()).noneMatch(v -> String.valueOf(v).contains("Secret"));
        }
        assertThat(jdbc.queryForList("SELECT concat_ws('|', action, object, result) FROM audit_event WHERE user_name = 'paste.admin' "
                + "ORDER BY id", String.class)).containsExactly(
                "user-add|(not a user name, 16 characters)|refused: user name '(not a user name, 16 characters)' is not valid: 1 to 64 "
                        + "letters (a-z, A-Z), digits, '.', '_' or '-', beginning with a letter or digit",
                "user-password|(not a user name, 16 characters)|refused: no user (not a user name, 16 characters) (see ./fraudstats user list)",
                "user-disable|(not a user name, 16 characters)|refused: no user (not a user name, 16 characters) (see ./fraudstats user list)");
    }

    @Test
    void aUserRefusedForAWeakPasswordComesBackAsTypedWithItsRoleAndTheLineUnderTheForm() throws Exception {
        var refused = mvc.perform(post("/users").param("name", "press.two").param("role", "press").param("password", "short1!A")
                .with(user("weak.admin").roles("ADMIN")).with(csrf())).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/users");
        assertThat((java.util.Map<String, Object>) refused.getFlashMap()).containsEntry("addName", "press.two").containsEntry("addRole", "press")
                .containsEntry("addField", "password").doesNotContainKey("error");
        assertThat(refused.getFlashMap().values()).noneMatch(v -> String.valueOf(v).contains("short1!A"));
        // the page shown after the redirect: the role chosen kept (it came back as 领导: r35b), the line under the form
        String page = mvc.perform(get("/users").cookie(refused.getResponse().getCookie("SESSION")).with(user("weak.admin").roles("ADMIN")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("value=\"press.two\"").contains("<option value=\"press\" selected=\"selected\">宣传人员</option>")
                .containsPattern("name=\"password\" autocomplete=\"new-password\"\\s+aria-invalid=\"true\" aria-describedby=\"add-problem\"")
                .contains("<p class=\"notice error\" id=\"add-problem\" role=\"alert\">" + refused.getFlashMap().get("addProblem") + "</p>");
        assertThat(jdbc.queryForObject("SELECT result FROM audit_event WHERE user_name = 'weak.admin' AND action = 'user-add'", String.class))
                .startsWith("refused: ");
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedOnThePageLikeAWeakOne() throws Exception {
        // in Chinese on the page (the command line says it in English)
        String tooLong = "密码太长：UTF-8 编码最多 72 字节（72 个英文字符或 24 个汉字）";
        String passphrase = "Correct-Horse-Battery-Staple-" + "and-more-words-".repeat(4) + "1";
        var added = mvc.perform(post("/users").param("name", "long.pass").param("role", "leader").param("password", passphrase)
                .with(user("test-admin").roles("ADMIN")).with(csrf())).andReturn();
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/users");
        assertThat(added.getFlashMap().get("addProblem")).isEqualTo(tooLong);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user WHERE name = 'long.pass'", Integer.class)).isZero();

        var users = context.getBean(org.fraudstats.access.Users.class);
        users.add("long.own", org.fraudstats.access.Role.STATISTICIAN, "Own-Statistician-1", org.fraudstats.access.Actor.commandLine());
        String chinese = "Ab1" + "统计人员的密码".repeat(4);
        var own = mvc.perform(post("/account/password").param("current", "Own-Statistician-1").param("password", chinese)
                .param("repeat", chinese).with(user("long.own").roles("STATISTICIAN")).with(csrf())).andReturn();
        assertThat(own.getResponse().getRedirectedUrl()).isEqualTo("/account");
        assertThat(own.getFlashMap().get("passwordProblem")).isEqualTo(tooLong);
        assertThat(own.getFlashMap().get("passwordField")).isEqualTo("password");
    }

    /**
     * The runs page lists the mails the relay refuses while they are retried, not only those given up after 6 hours,
     * in its own words: it said "no undelivered mails" while every mail of the night was refused, and a failed one
     * showed "weekly", the Java exception and no way on (tester mail32).
     */
    @Test
    void theRunsPageSaysWhichMailsTheRelayRefusesAndWhatItAnswered() throws Exception {
        String insert = "INSERT INTO delivery (list_name, recipient_name, recipient_email, product, date_from, date_to, revision, "
                + "out_folder, message_id, recorded_at, next_attempt_at, state, attempts, last_error) SELECT 'leadership', '王五', ?, ?, "
                + "d - ?::int, d, 1, '/out', ?, now(), now(), ?, ?, ? FROM (SELECT coalesce(max(date_to), current_date - 1) AS d "
                + "FROM bulletin_revision WHERE kind = 'daily') latest";
        try {
            jdbc.update(insert, "wangwu@example.gov.cn", "weekly", 6, "<weekly.probe.1@fraudstats>", "failed", 8,
                    "Failed messages: org.eclipse.angus.mail.smtp.SMTPSendFailedException: 554 5.7.1 rejected\n");
            jdbc.update(insert, "zhangsan@example.gov.cn", "daily", 0, "<daily.probe.2@fraudstats>", "pending", 2,
                    "Mail server connection failed; nested exception is org.eclipse.angus.mail.util.MailConnectException: "
                            + "Couldn't connect to host, port: 127.0.0.1, 2525; timeout -1");
            String page = page("statistician", get("/runs"));
            assertThat(page).contains("<td>已放弃（重试 6 小时未成功）</td>").contains("<td>554 5.7.1 rejected</td>")
                    .contains("<td>重试中</td>").contains("Couldn&#39;t connect to host, port: 127.0.0.1, 2525; timeout -1")
                    .containsPattern("<td>周报 \\d{4}-\\d\\d-\\d\\d 至 \\d{4}-\\d\\d-\\d\\d</td>")
                    .contains("./fraudstats deliver --date").doesNotContain("SMTPSendFailedException").doesNotContain("近 60 天没有");
        } finally {
            jdbc.update("DELETE FROM delivery WHERE message_id LIKE '<%.probe.%'");
        }
        assertThat(page("statistician", get("/runs"))).contains("近 60 天没有未送达或正在重试的邮件。");
    }

    @Test
    void aStopOrRestartOfAnUnknownRerunOnThePageIsRecordedAsRefused() throws Exception {
        assertThat(as("statistician", post("/runs/999998/stop").with(csrf())).getStatus()).isEqualTo(404);
        var restart = mvc.perform(post("/runs/999998/restart").with(user("test-statistician").roles("STATISTICIAN")).with(csrf())).andReturn();
        assertThat(restart.getResponse().getRedirectedUrl()).isEqualTo("/runs/999998");
        // in the page's language (retest 31: the English line)
        assertThat(restart.getFlashMap().get("error")).isEqualTo("没有编号为 999998 的重算");
        assertThat(jdbc.queryForList("SELECT concat_ws('|', user_name, role, action, object, result) FROM audit_event "
                + "WHERE object = 'job execution 999998' ORDER BY id", String.class)).containsExactly(
                "test-statistician|statistician|rerun-stop|job execution 999998|refused",
                "test-statistician|statistician|rerun-restart|job execution 999998|refused");
    }

    @Test
    void revokingAnotherUsersTokenFromOnesAccountIsRefusedAndRecorded() throws Exception {
        var users = context.getBean(org.fraudstats.access.Users.class);
        var tokens = context.getBean(org.fraudstats.access.Tokens.class);
        users.add("token.owner", org.fraudstats.access.Role.STATISTICIAN, "Token-Owner-Passw0rd", org.fraudstats.access.Actor.commandLine());
        String token = tokens.create("token.owner", 30, org.fraudstats.access.Actor.commandLine());
        long id = tokens.list().stream().filter(t -> t.user().equals("token.owner")).findFirst().orElseThrow().id();
        for (String role : new String[] {"leader", "statistician", "press", "admin", "auditor"}) {
            var refused = mvc.perform(post("/account/token/revoke").param("id", Long.toString(id))
                    .with(user("other-" + role).roles(role.toUpperCase())).with(csrf())).andReturn();
            assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/account");
            assertThat(refused.getFlashMap().get("error")).isEqualTo("没有编号为 " + id + " 的有效令牌");
        }
        assertThat(tokens.holder(token).orElseThrow().name()).isEqualTo("token.owner");
        assertThat(jdbc.queryForList("SELECT concat_ws('|', user_name, role, action, object, result) FROM audit_event "
                + "WHERE action = 'token-revoke' AND user_name LIKE 'other-%' ORDER BY id", String.class)).containsExactly(
                "other-leader|leader|token-revoke|token " + id + "|refused",
                "other-statistician|statistician|token-revoke|token " + id + "|refused",
                "other-press|press|token-revoke|token " + id + "|refused",
                "other-admin|admin|token-revoke|token " + id + "|refused",
                "other-auditor|auditor|token-revoke|token " + id + "|refused");
    }

    @Test
    void theAuditorsUserFilterIsTheWholeName_orAPatternWithAStar() throws Exception {
        org.fraudstats.audit.AuditTrail trail = context.getBean(org.fraudstats.audit.AuditTrail.class);
        for (String name : List.of("li.na", "chen.li.na", "li.nan")) {
            trail.record(new org.fraudstats.audit.AuditEvent(name, "statistician", "127.0.0.1", "download", "filter-test", "success"));
        }
        assertThat(auditUsers("li.na")).containsExactly("li.na");
        assertThat(auditUsers("LI.NA ")).containsExactly("li.na");
        assertThat(auditUsers("li.na*")).containsExactlyInAnyOrder("li.na", "li.nan");
        assertThat(auditUsers("*li.na")).containsExactlyInAnyOrder("li.na", "chen.li.na");
        assertThat(auditUsers("li")).isEmpty();
    }

    /** Older events a page of 500 at a time: an auditor saw the latest 500 of 48,402 and nothing before (tester). */
    @Test
    void theAuditPageGoesBackFiveHundredEventsAPage() throws Exception {
        jdbc.update("INSERT INTO audit_event (user_name, role, client, action, object, result) "
                + "SELECT 'pager.test', 'statistician', '127.0.0.1', 'download', 'event-' || n, 'success' FROM generate_series(1, 1100) n");
        String first = page("auditor", get("/audit").param("user", "pager.test"));
        assertThat(first).contains("共 <span>1100</span> 条符合条件").contains("页面显示最新 <span>500</span> 条")
                .contains("event-1100").contains("event-601").doesNotContain("event-600<").doesNotContain("较新的 500 条")
                .containsPattern("page=2&amp;upto=[^\"]+\">更早的 500 条 →</a>");
        // rows recorded after the first page was read (the auditor's own read among them) do not shift the next: its
        // link carries the newest row the first found, and page 2 began with the last rows of page 1 (r34a)
        jdbc.update("INSERT INTO audit_event (user_name, role, client, action, object, result) "
                + "SELECT 'pager.test', 'statistician', '127.0.0.1', 'download', 'later-' || n, 'success' FROM generate_series(1, 5) n");
        java.util.regex.Matcher older = java.util.regex.Pattern.compile("href=\"([^\"]+)\">更早的 500 条").matcher(first);
        assertThat(older.find()).isTrue();
        String second = page("auditor", get(java.net.URI.create(older.group(1).replace("&amp;", "&"))));
        assertThat(second).contains("共 <span>1100</span> 条符合条件").contains("event-600<").contains("event-101<")
                .doesNotContain("event-601<").doesNotContain("event-100<").doesNotContain("later-")
                // and says it is of an earlier moment, on the page and in its record (r34d: a link can hide rows)
                .containsPattern("翻页中：显示截至 <span>\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?\\+08:00</span> 的日志").contains("查看最新</a>");
        // to the microsecond, as the link carried it: read again from its record, the page counts the same (r34e)
        String read = jdbc.queryForObject("SELECT object FROM audit_event WHERE action = 'read-audit' ORDER BY id DESC LIMIT 1", String.class);
        assertThat(read).matches("\\d{4}-\\d{2}-\\d{2}\\.\\.\\d{4}-\\d{2}-\\d{2} user=pager\\.test upto=\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?\\+08:00");
        assertThat(page("auditor", get("/audit").param("user", "pager.test").param("upto", read.substring(read.indexOf("upto=") + 5))))
                .contains("共 <span>1100</span> 条符合条件");
        // a moment to come freezes nothing: the log as it is, said as such
        assertThat(page("auditor", get("/audit").param("user", "pager.test").param("upto", "2099-01-01T00:00:00Z")))
                .contains("共 <span>1105</span> 条符合条件").doesNotContain("翻页中");
        // a page asked afresh counts what is there now
        String third = page("auditor", get("/audit").param("user", "pager.test").param("page", "3"));
        assertThat(third).doesNotContain("翻页中").contains("，第 3 / 3 页（每页 500 条）").contains("共 <span>1105</span> 条符合条件").contains("event-105<")
                .contains("event-1<").doesNotContain("event-106<").containsPattern("page=2&amp;upto=[^\"]+\">← 较新的 500 条</a>")
                .doesNotContain("更早的 500 条");
        assertThat(as("auditor", get("/audit").param("upto", "yesterday")).getStatus()).isEqualTo(400);
        assertThat(as("auditor", get("/audit").param("page", "x")).getStatus()).isEqualTo(400);
    }

    /**
     * The page finds what was done to a user (by whoever did it) and with a token, and links every matching event as
     * the command's CSV, filters with it, a typed account number masked in the link as on the page.
     */
    @Test
    void theAuditPageFiltersByObjectOrClient_andLinksTheMatchingEventsAsCsv() throws Exception {
        org.fraudstats.audit.AuditTrail trail = context.getBean(org.fraudstats.audit.AuditTrail.class);
        trail.record(new org.fraudstats.audit.AuditEvent("obj.admin", "admin", "127.0.0.1", "user-disable", "obj.zhang", "success"));
        trail.record(new org.fraudstats.audit.AuditEvent("obj.stat", "statistician", "127.0.0.1 token 77", "read-figures", "2022-10-01..2022-10-24", "success"));
        String zhang = mvc.perform(get("/audit").param("object", "obj.zhang").with(user("an.auditor").roles("AUDITOR")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(zhang).contains("<td data-label=\"用户\">obj.admin</td>").doesNotContain("obj.stat</td>")
                .contains("href=\"/api/v1/audit?format=csv&amp;from=");
        String token = mvc.perform(get("/audit").param("object", "token 77").param("user", "6222" + "0212" + "3456" + "7890")
                .with(user("an.auditor").roles("AUDITOR"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // a filter holding an account-like number: no link, which would carry it masked, a pattern of * (review)
        assertThat(token).doesNotContain("format=csv").contains("不提供 CSV 下载").doesNotContain("0212");
        String plus = mvc.perform(get("/audit").param("object", "a+b").with(user("an.auditor").roles("AUDITOR")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // a + kept as itself, not read as a space by the server (review)
        assertThat(plus).contains("&amp;object=a%2Bb\"");
        String tokenOnly = mvc.perform(get("/audit").param("object", "token 77").with(user("an.auditor").roles("AUDITOR")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(tokenOnly).contains("<td data-label=\"用户\">obj.stat</td>").doesNotContain("obj.admin</td>");
    }

    /** The auditor's page flags a user's acts from the address an administrator reset them from (re-tester). */
    @Test
    void theAuditPageFlagsAUsersActsFromTheAddressAnAdministratorResetThemFrom() throws Exception {
        org.fraudstats.audit.AuditTrail trail = context.getBean(org.fraudstats.audit.AuditTrail.class);
        trail.record(new org.fraudstats.audit.AuditEvent("flag.admin", "admin", "10.9.9.9", "user-password", "flag.stat", "success"));
        trail.record(new org.fraudstats.audit.AuditEvent("flag.stat", "statistician", "10.9.9.9", "sign-in", "flag.stat", "success"));
        trail.record(new org.fraudstats.audit.AuditEvent("flag.stat", "statistician", "10.1.1.1", "download", "flag-own-desk.pdf", "success"));
        String page = mvc.perform(get("/audit").param("user", "flag.stat").with(user("an.auditor").roles("AUDITOR")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).containsOnlyOnce("请核实：管理员一天内从同一地址添加过此用户或重置过其密码、动态口令")
                .containsPattern("<tr class=\"\\s*flagged\">\\s*<td class=\"num\" data-label=\"时间\">[^<]*</td>\\s*<td data-label=\"用户\">flag.stat</td>\\s*<td[^>]*>[^<]*</td>\\s*<td data-label=\"客户端\">10.9.9.9</td>");
    }

    private List<String> auditUsers(String filter) throws Exception {
        String page = mvc.perform(get("/audit").param("user", filter).param("action", "download")
                .with(user("an.auditor").roles("AUDITOR"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return java.util.regex.Pattern.compile("<td data-label=\"用户\">([^<]*)</td>").matcher(page).results()
                .map(m -> m.group(1)).distinct().toList();
    }

    @Test
    void anAccountNumberGivenForADateIsMaskedInTheErrorPage() throws Exception {
        MockHttpServletResponse bad = as("leader", get("/figures").param("from", "6222" + "-0212" + "-3456" + "-7890").param("to", "2022-10-01"));
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8))
                .contains("起始日期“****-****-****-7890”不是日期（应如 2022-10-23）")
                // the middle groups with a neighbour, not "0212" alone, which the page's random CSRF token may hold
                .doesNotContain("6222" + "-0212").doesNotContain("0212" + "-3456");
    }

    @Test
    void aDateWithoutItsDashesIsShownWithItsIsoForm() throws Exception {
        MockHttpServletResponse bad = as("leader", get("/figures").param("from", "20221001").param("to", "2022-10-24"));
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("起始日期“20221001”应写作 2022-10-01");
        // and the other ways people write one, full-width digits of a Chinese keyboard included (r44c: 不是日期 alone,
        // its full-width dashes shown as '?')
        for (String[] typed : new String[][] {{"2022/10/1", "2022-10-01"}, {"２０２２－１０－０１", "2022-10-01"},
                {"2022年10月1日", "2022-10-01"}, {"2022.10.24", "2022-10-24"}}) {
            MockHttpServletResponse other = as("leader", get("/figures").param("from", typed[0]).param("to", "2022-10-24"));
            assertThat(other.getStatus()).isEqualTo(400);
            assertThat(other.getContentAsString(StandardCharsets.UTF_8)).contains("起始日期“" + typed[0] + "”应写作 " + typed[1]);
        }
        assertThat(as("leader", get("/figures").param("from", "2022/02/30").param("to", "2022-10-24")).getContentAsString(StandardCharsets.UTF_8))
                .contains("起始日期“2022/02/30”不是日期（应如 2022-10-23）");
    }

    @Test
    void anAccountNumberGivenForADateIsNotPutBackInTheRerunForm() throws Exception {
        MockHttpServletResponse refused = as("statistician", post("/runs/plan").param("from", "6222" + "0212" + "3456" + "7890")
                .param("to", "2022-10-22").with(csrf()));
        assertThat(refused.getStatus()).isEqualTo(400);
        String form = refused.getContentAsString(StandardCharsets.UTF_8);
        // the error names it masked; the field is left empty, as a browser's date field shows nothing that is not a date
        assertThat(form).contains("起始日期“************7890”不是日期（应如 2022-10-23）")
                .contains("name=\"from\" aria-invalid=\"true\" aria-describedby=\"form-error\" value=\"\"").contains("name=\"to\" value=\"2022-10-22\"")
                // its middle digits in clear, not "0212" alone: the page shows the output folder, whose temporary name's
                // random digits held 0212 one run in a few hundred
                .doesNotContain("6222" + "0212").doesNotContain("0212" + "3456").doesNotContain("预演结果");
    }

    /**
     * An administrator makes no token for anyone (separation of duties): a token is its user's rights in the hands of
     * whoever holds it, and one made for a statistician read figures and published a rerun a second later (tester).
     * Each user makes their own at /account; the page offers no button, and a form posted by hand is refused, audited.
     */
    @Test
    void anAdministratorMakesNoTokenForAnyone_eachUserMakesTheirOwn() throws Exception {
        var users = context.getBean(org.fraudstats.access.Users.class);
        var cli = org.fraudstats.access.Actor.commandLine();
        for (var role : org.fraudstats.access.Role.values()) {
            users.add("sod." + role.code(), role, "Separate-Duties-1", cli);
        }
        users.add("sod.admin2", org.fraudstats.access.Role.ADMIN, "Separate-Duties-1", cli);
        for (String name : new String[] {"sod.leader", "sod.statistician", "sod.press", "sod.auditor", "sod.admin2"}) {
            var refused = mvc.perform(post("/users/token").param("name", name).param("days", "3660")
                    .with(user("sod.admin").roles("ADMIN")).with(csrf())).andReturn();
            assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/users");
            assertThat(refused.getFlashMap().get("secret")).isNull();
            assertThat(refused.getFlashMap().get("error")).isEqualTo("不能为 " + name + " 生成令牌（职责分离：令牌在谁手里，谁就有其用户的权限）："
                    + "请其本人登录后在“我的账户”页生成；不登录的脚本账户，请在服务器上运行 ./fraudstats token create " + name);
        }
        assertThat(jdbc.queryForList("SELECT user_name FROM api_token WHERE user_name LIKE 'sod.%'", String.class)).isEmpty();
        assertThat(jdbc.queryForList("SELECT concat_ws('|', user_name, role, action, object, result) FROM audit_event "
                + "WHERE action = 'token-create' AND object LIKE 'sod.%' ORDER BY id", String.class)).containsExactly(
                "sod.admin|admin|token-create|sod.leader|refused: separation of duties",
                "sod.admin|admin|token-create|sod.statistician|refused: separation of duties",
                "sod.admin|admin|token-create|sod.press|refused: separation of duties",
                "sod.admin|admin|token-create|sod.auditor|refused: separation of duties",
                "sod.admin|admin|token-create|sod.admin2|refused: separation of duties");
        // the users page offers no such button; each user makes their own at /account, the current password typed again
        assertThat(page("admin", get("/users"))).doesNotContain("生成令牌").doesNotContain("action=\"/users/token\"")
                .contains("令牌由每个用户本人在“我的账户”页生成");
        // a read of every account is recorded, as the other lists are (r40d)
        assertThat(jdbc.queryForObject("SELECT concat_ws('|', user_name, role, action, result) FROM audit_event ORDER BY id DESC LIMIT 1",
                String.class)).isEqualTo("test-admin|admin|read-users|success");
        for (String name : new String[] {"sod.statistician", "sod.auditor"}) {
            String role = users.find(name).orElseThrow().role().name();
            var own = mvc.perform(post("/account/token").param("current", "Separate-Duties-1").param("days", "30")
                    .with(user(name).roles(role)).with(csrf())).andReturn();
            assertThat(secretIn(own.getResponse())).startsWith("fst_");
        }

        // nor a new password or TOTP key, which together are a sign-in as them: those are reset on the server
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE name = 'sod.auditor'", String.class);
        var password = mvc.perform(post("/users/password").param("name", "sod.auditor").with(user("sod.admin").roles("ADMIN")).with(csrf()))
                .andReturn();
        assertThat(password.getResponse().getRedirectedUrl()).isEqualTo("/users");
        assertThat(password.getFlashMap().get("error"))
                .isEqualTo("不能在门户上为安全审计员 sod.auditor 重置密码（职责分离）：请在服务器上运行 ./fraudstats user password sod.auditor");
        var totp = mvc.perform(post("/users/totp").param("name", "sod.admin2").with(user("sod.admin").roles("ADMIN")).with(csrf()))
                .andReturn();
        assertThat(totp.getFlashMap().get("error"))
                .isEqualTo("不能在门户上为系统管理员 sod.admin2 登记动态口令（职责分离）：请在服务器上运行 ./fraudstats user totp sod.admin2");
        assertThat(jdbc.queryForObject("SELECT password_hash FROM app_user WHERE name = 'sod.auditor'", String.class)).isEqualTo(hash);
        assertThat(jdbc.queryForList("SELECT concat_ws('|', user_name, action, object, result) FROM audit_event "
                + "WHERE action IN ('user-password', 'user-totp') AND object LIKE 'sod.%' ORDER BY id", String.class)).containsExactly(
                "sod.admin|user-password|sod.auditor|refused: separation of duties", "sod.admin|user-totp|sod.admin2|refused: separation of duties");
        assertThat(page("admin", get("/users"))).containsPattern(
                "value=\"sod.auditor\"><button type=\"submit\" class=\"secondary\" aria-label=\"重置密码（sod.auditor）\" disabled=\"disabled\">重置密码");

        // nor for themselves: an open (or taken) session would set a new password and a new key in two clicks and keep
        // the account; the password is changed at /account with the current one, the key on the server
        String ownHash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE name = 'sod.admin'", String.class);
        var ownPassword = mvc.perform(post("/users/password").param("name", "sod.admin").with(user("sod.admin").roles("ADMIN")).with(csrf()))
                .andReturn();
        assertThat(ownPassword.getFlashMap().get("error")).isEqualTo("自己的密码请在“我的账户”页修改（需输入当前密码）");
        var ownKey = mvc.perform(post("/users/totp").param("name", "sod.admin").with(user("sod.admin").roles("ADMIN")).with(csrf()))
                .andReturn();
        assertThat(ownKey.getFlashMap().get("error")).isEqualTo("不能在门户上为自己重新登记动态口令：请在服务器上运行 ./fraudstats user totp sod.admin");
        var ownToken = mvc.perform(post("/users/token").param("name", "sod.admin").with(user("sod.admin").roles("ADMIN")).with(csrf()))
                .andReturn();
        assertThat(ownToken.getFlashMap().get("error")).isEqualTo("自己的令牌请在“我的账户”页生成");
        assertThat(jdbc.queryForObject("SELECT password_hash FROM app_user WHERE name = 'sod.admin'", String.class)).isEqualTo(ownHash);
        // (MockMvc's user() signs each request in anew: a fourth such session replaces the first, recorded then)
        assertThat(jdbc.queryForList("SELECT concat_ws('|', user_name, action, object, result) FROM audit_event "
                + "WHERE object = 'sod.admin' AND result <> 'ended: replaced by a newer sign-in' ORDER BY id", String.class)).containsExactly("sod.admin|user-password|sod.admin|refused: own account",
                "sod.admin|user-totp|sod.admin|refused: own account", "sod.admin|token-create|sod.admin|refused: own account");
        assertThat(page("admin", get("/users"))).containsPattern(
                "value=\"sod.admin\"><button type=\"submit\" class=\"secondary\" aria-label=\"重置密码（sod.admin）\" disabled=\"disabled\">重置密码");

        // a lock is shown while it lasts, not after (the row keeps its end until the next sign-in)
        jdbc.update("UPDATE app_user SET locked_until = '2999-01-01T00:00:00Z' WHERE name = 'sod.admin2'");
        assertThat(page("admin", get("/users"))).containsPattern("sod.admin2</td>\\s*<td data-label=\"角色\">系统管理员</td>\\s*<td data-label=\"状态\">已锁定（至 01-01 08:00）</td>");
        jdbc.update("UPDATE app_user SET locked_until = '2000-01-01T00:00:00Z' WHERE name = 'sod.admin2'");
        assertThat(page("admin", get("/users"))).containsPattern("sod.admin2</td>\\s*<td data-label=\"角色\">系统管理员</td>\\s*<td data-label=\"状态\">正常</td>");
    }

    @Test
    void anAdministratorAddsNoAuditorNorAdministratorOnThePageWhoseFirstPasswordTheyWouldKnow() throws Exception {
        for (String role : new String[] {"auditor", "admin"}) {
            for (String password : new String[] {"", "Chosen-By-Admin-1"}) {
                var refused = mvc.perform(post("/users").param("name", "first." + role).param("role", role).param("password", password)
                        .with(user("sep.admin").roles("ADMIN")).with(csrf())).andReturn();
                assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/users");
                assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEmpty();
                assertThat(refused.getFlashMap().get("secret")).isNull();
            }
        }
        var auditor = mvc.perform(post("/users").param("name", "first.auditor").param("role", "auditor")
                .with(user("sep.admin").roles("ADMIN")).with(csrf())).andReturn();
        assertThat(auditor.getFlashMap().get("error")).isEqualTo(
                "不能在门户上添加安全审计员 first.auditor（职责分离）：请在服务器上运行 ./fraudstats user add first.auditor --role auditor");
        var admin = mvc.perform(post("/users").param("name", "first.admin").param("role", "admin")
                .with(user("sep.admin").roles("ADMIN")).with(csrf())).andReturn();
        assertThat(admin.getFlashMap().get("error")).isEqualTo(
                "不能在门户上添加系统管理员 first.admin（职责分离）：请在服务器上运行 ./fraudstats user add first.admin --role admin");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user WHERE name LIKE 'first.%'", Integer.class)).isZero();
        assertThat(jdbc.queryForList("SELECT concat_ws('|', user_name, role, action, object, result) FROM audit_event "
                + "WHERE user_name = 'sep.admin' ORDER BY id", String.class)).containsExactly(
                "sep.admin|admin|user-add|first.auditor (auditor)|refused: separation of duties", "sep.admin|admin|user-add|first.auditor (auditor)|refused: separation of duties",
                "sep.admin|admin|user-add|first.admin (admin)|refused: separation of duties", "sep.admin|admin|user-add|first.admin (admin)|refused: separation of duties",
                "sep.admin|admin|user-add|first.auditor (auditor)|refused: separation of duties", "sep.admin|admin|user-add|first.admin (admin)|refused: separation of duties");
        // an administrator asking to be made auditor is not sent to a command that fails on a name that exists
        var users = context.getBean(org.fraudstats.access.Users.class);
        if (users.find("sep.admin").isEmpty()) {
            users.add("sep.admin", org.fraudstats.access.Role.ADMIN, "Separate-Duties-1", org.fraudstats.access.Actor.commandLine());
        }
        var self = mvc.perform(post("/users").param("name", "sep.admin").param("role", "auditor")
                .with(user("sep.admin").roles("ADMIN")).with(csrf())).andReturn();
        assertThat(self.getFlashMap().get("error")).isEqualTo("用户 sep.admin 已存在（一个用户只有一个角色，门户和命令都不改变角色）");
        assertThat(jdbc.queryForObject("SELECT result FROM audit_event WHERE user_name = 'sep.admin' ORDER BY id DESC LIMIT 1", String.class))
                .isEqualTo("refused: user sep.admin exists already");
        // a name that is an account number is not echoed in clear
        var digits = mvc.perform(post("/users").param("name", "6222" + "0000" + "1111" + "9876").param("role", "auditor")
                .with(user("sep.admin").roles("ADMIN")).with(csrf())).andReturn();
        assertThat((String) digits.getFlashMap().get("error")).contains("************9876").doesNotContain("00001111");
        assertThat(jdbc.queryForList("SELECT object FROM audit_event WHERE user_name = 'sep.admin' AND object LIKE '%9876%'", String.class))
                .containsExactly("************9876 (auditor)");
        // a role the form does not offer, typed by hand, is refused and audited too
        var typed = mvc.perform(post("/users").param("name", "first.typed").param("role", "Auditor")
                .with(user("sep.admin").roles("ADMIN")).with(csrf())).andReturn();
        assertThat(typed.getFlashMap().get("error")).isEqualTo("未知角色：Auditor");
        assertThat(jdbc.queryForList("SELECT object || ' ' || result FROM audit_event WHERE user_name = 'sep.admin' AND object = 'first.typed'",
                String.class)).containsExactly("first.typed refused: unknown role");
        // the form offers the three roles it adds, and says where the other two are added
        String page = page("admin", get("/users"));
        assertThat(page).contains("<option value=\"leader\">领导</option>").contains("<option value=\"statistician\">统计人员</option>")
                .contains("<option value=\"press\">宣传人员</option>").doesNotContain("<option value=\"auditor\"")
                .doesNotContain("<option value=\"admin\"").contains("./fraudstats user add 用户名 --role auditor");
    }

    @Test
    void anAdministratorDisablesLeadersStatisticiansAndPressButNotAnAuditorAnotherAdministratorOrThemselves() throws Exception {
        var users = context.getBean(org.fraudstats.access.Users.class);
        var cli = org.fraudstats.access.Actor.commandLine();
        for (String name : new String[] {"off.leader", "off.auditor", "off.admin2", "off.admin"}) {
            users.add(name, org.fraudstats.access.Role.ofCode(name.substring(4).replace("2", "")).orElseThrow(), "Separate-Duties-1", cli);
        }
        context.getBean(org.fraudstats.access.Tokens.class).create("off.leader", 30, cli);
        var leader = mvc.perform(post("/users/disable").param("name", "off.leader").with(user("off.admin").roles("ADMIN")).with(csrf())).andReturn();
        assertThat(leader.getFlashMap().get("done")).isEqualTo("已停用用户 off.leader");
        // a form posted twice (a second tab) is said as such, not as a second disable done
        var twice = mvc.perform(post("/users/disable").param("name", "off.leader").with(user("off.admin").roles("ADMIN")).with(csrf())).andReturn();
        assertThat(twice.getFlashMap().get("error")).isEqualTo("用户 off.leader 已停用");
        var auditor = mvc.perform(post("/users/disable").param("name", "off.auditor").with(user("off.admin").roles("ADMIN")).with(csrf())).andReturn();
        assertThat(auditor.getResponse().getRedirectedUrl()).isEqualTo("/users");
        assertThat(auditor.getFlashMap().get("error"))
                .isEqualTo("不能在门户上停用安全审计员 off.auditor（职责分离）：请在服务器上运行 ./fraudstats user disable off.auditor");
        var admin = mvc.perform(post("/users/disable").param("name", "off.admin2").with(user("off.admin").roles("ADMIN")).with(csrf())).andReturn();
        assertThat(admin.getFlashMap().get("error"))
                .isEqualTo("不能在门户上停用系统管理员 off.admin2（职责分离）：请在服务器上运行 ./fraudstats user disable off.admin2");
        var self = mvc.perform(post("/users/disable").param("name", "off.admin").with(user("off.admin").roles("ADMIN")).with(csrf())).andReturn();
        assertThat(self.getFlashMap().get("error")).isEqualTo("不能停用自己的账户");
        assertThat(jdbc.queryForList("SELECT name || ' ' || enabled FROM app_user WHERE name LIKE 'off.%' ORDER BY name", String.class))
                .containsExactly("off.admin true", "off.admin2 true", "off.auditor true", "off.leader false");
        assertThat(jdbc.queryForList("SELECT concat_ws('|', user_name, action, object, result) FROM audit_event "
                + "WHERE action = 'user-disable' AND object LIKE 'off.%' ORDER BY id", String.class)).containsExactly(
                "off.admin|user-disable|off.leader|success", "off.admin|user-disable|off.leader|refused: user off.leader is already disabled",
                "off.admin|user-disable|off.auditor|refused: separation of duties",
                "off.admin|user-disable|off.admin2|refused: separation of duties", "off.admin|user-disable|off.admin|refused: own account");
        String page = page("admin", get("/users"));
        assertThat(page).containsPattern("value=\"off.auditor\"><button type=\"submit\" class=\"danger\" aria-label=\"停用（off.auditor）\" disabled=\"disabled\">停用");
        // a disabled user's token is refused, though unexpired, and the list says so; a password or key of theirs is
        // no use either (tester: the list said 有效至 beside it, the buttons offered both)
        assertThat(page).containsPattern("<td class=\"name\">off.leader</td>\\s*<td[^>]*>[^<]*</td>\\s*<td data-label=\"有效至\">用户已停用，不可用</td>")
                .containsPattern("value=\"off.leader\"><button type=\"submit\" class=\"secondary\" aria-label=\"重置密码（off.leader）\" disabled=\"disabled\">重置密码")
                .containsPattern("value=\"off.leader\"><button type=\"submit\" class=\"secondary\" aria-label=\"登记动态口令（off.leader）\" disabled=\"disabled\">登记动态口令");
        // and the server refuses them as the buttons say, a form posted by hand too (re-tester)
        var password = mvc.perform(post("/users/password").param("name", "off.leader").with(user("off.admin").roles("ADMIN")).with(csrf())).andReturn();
        assertThat(password.getFlashMap().get("error")).isEqualTo("用户 off.leader 已停用：不为其重置密码");
        var key = mvc.perform(post("/users/totp").param("name", "off.leader").with(user("off.admin").roles("ADMIN")).with(csrf())).andReturn();
        assertThat(key.getFlashMap().get("error")).isEqualTo("用户 off.leader 已停用：不为其登记动态口令");
        assertThat(jdbc.queryForList("SELECT concat_ws('|', action, object, result) FROM audit_event WHERE user_name = 'off.admin' "
                + "AND action IN ('user-password', 'user-totp') ORDER BY id", String.class))
                .containsExactly("user-password|off.leader|refused: disabled", "user-totp|off.leader|refused: disabled");
        assertThat(jdbc.queryForObject("SELECT totp_secret IS NULL FROM app_user WHERE name = 'off.leader'", Boolean.class)).isTrue();

        // enabled again from the page (a leader disabled by mistake was otherwise gone for good), its token of before
        // ended; an auditor's account is given back on the server only, as it is taken
        users.disable("off.auditor", cli);
        assertThat(page("admin", get("/users"))).containsPattern("value=\"off.leader\"><button type=\"submit\" class=\"secondary\" aria-label=\"重新启用（off.leader）\">重新启用")
                .containsPattern("value=\"off.auditor\"><button type=\"submit\" class=\"secondary\" aria-label=\"重新启用（off.auditor）\" disabled=\"disabled\">重新启用");
        var enabled = mvc.perform(post("/users/enable").param("name", "off.leader").with(user("off.admin").roles("ADMIN")).with(csrf())).andReturn();
        assertThat(enabled.getFlashMap().get("done")).isEqualTo("已重新启用用户 off.leader；其原有令牌（1 个）已作废，由本人在“我的账户”页重新生成");
        var again = mvc.perform(post("/users/enable").param("name", "off.leader").with(user("off.admin").roles("ADMIN")).with(csrf())).andReturn();
        assertThat(again.getFlashMap().get("error")).isEqualTo("用户 off.leader 未被停用");
        var auditorBack = mvc.perform(post("/users/enable").param("name", "off.auditor").with(user("off.admin").roles("ADMIN")).with(csrf())).andReturn();
        assertThat(auditorBack.getFlashMap().get("error"))
                .isEqualTo("不能在门户上重新启用安全审计员 off.auditor（职责分离）：请在服务器上运行 ./fraudstats user enable off.auditor");
        assertThat(jdbc.queryForList("SELECT name || ' ' || enabled FROM app_user WHERE name IN ('off.leader', 'off.auditor') ORDER BY name", String.class))
                .containsExactly("off.auditor false", "off.leader true");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_token WHERE user_name = 'off.leader' AND expires_at > now()", Long.class)).isZero();
        assertThat(jdbc.queryForList("SELECT concat_ws('|', action, object, result) FROM audit_event WHERE user_name = 'off.admin' "
                + "AND action = 'user-enable' ORDER BY id", String.class)).containsExactly(
                "user-enable|off.leader (tokens ended: token " + jdbc.queryForObject("SELECT max(id) FROM api_token WHERE user_name = 'off.leader'", Long.class) + ")|success",
                "user-enable|off.leader|refused: user off.leader is not disabled", "user-enable|off.auditor|refused: separation of duties");
    }

    @Test
    void aNewPasswordOrOwnTokenIsShownInTheAnswerToItsPostAndNeverWrittenToTheSession_aTotpKeyNotAtAll() throws Exception {
        var users = context.getBean(org.fraudstats.access.Users.class);
        var tokens = context.getBean(org.fraudstats.access.Tokens.class);
        var signIn = context.getBean(org.fraudstats.access.SignIn.class);
        java.time.LocalDate today = org.fraudstats.support.BeijingToday.clearOfMidnight();
        users.add("once.leader", org.fraudstats.access.Role.LEADER, "Once-Leader-Passw0rd", org.fraudstats.access.Actor.commandLine());

        MockHttpServletResponse added = shownOnce("once.admin", "ADMIN", post("/users").param("name", "once.press").param("role", "press"),
                "once.press 的初始密码（只显示这一次）", "刷新本页会再提交一次，只会得到“用户已存在”。");
        assertThat(added.getContentAsString(StandardCharsets.UTF_8)).contains("<p class=\"notice\" role=\"status\">已添加用户 once.press（宣传人员）</p>");
        assertThat(signIn.attempt("once.press", secretIn(added), null, "test").outcome()).isEqualTo(org.fraudstats.access.SignIn.Outcome.SUCCESS);

        MockHttpServletResponse reset = shownOnce("once.admin", "ADMIN", post("/users/password").param("name", "once.leader"),
                "once.leader 的新密码（只显示这一次）", "刷新本页会再提交一次，再重置一次密码，上面这个随之失效。");
        assertThat(signIn.attempt("once.leader", secretIn(reset), null, "test").outcome()).isEqualTo(org.fraudstats.access.SignIn.Outcome.SUCCESS);

        // a new TOTP key is not shown to the administrator, who set the password too: its user sees it at the next
        // sign-in, as a QR code (tester: the administrator held both factors of every account they enrolled)
        var enrolled = mvc.perform(post("/users/totp").param("name", "once.leader").with(user("once.admin").roles("ADMIN")).with(csrf())).andReturn();
        assertThat(enrolled.getResponse().getRedirectedUrl()).isEqualTo("/users");
        assertThat(enrolled.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(enrolled.getFlashMap().get("done")).isEqualTo("已为 once.leader 登记新的动态口令密钥：其下次登录时，输入密码后页面显示二维码，用手机扫码绑定。"
                + "其已登录的会话（如有）已全部结束；手机遗失时，请同时重置其密码（手机浏览器可能保存了密码）。");
        assertThat(enrolled.getFlashMap().values().toString()).doesNotContain("otpauth").doesNotContain("secret=");
        String key = org.fraudstats.access.Totp.secretOf(users.pendingTotpUri("once.leader").orElseThrow());
        // the database keeps it sealed (access/TotpKeys): a copy of the table gives no administrator's codes
        assertThat(jdbc.queryForObject("SELECT totp_secret FROM app_user WHERE name = 'once.leader'", String.class))
                .startsWith("sealed1:").doesNotContain(key);

        MockHttpServletResponse own = shownOnce("once.leader", "LEADER", post("/account/token").param("current", secretIn(reset)).param("days", "7"),
                "您的 API 令牌，7 天内有效（只显示这一次，请立即保存）", "刷新本页会再提交一次，另生成一个令牌（上面这个仍然有效，可在下表作废）。");
        assertThat(tokens.holder(secretIn(own)).orElseThrow().name()).isEqualTo("once.leader");
        assertThat(own.getContentAsString(StandardCharsets.UTF_8)).contains("我的账户").contains("作废");

        assertThat(jdbc.queryForList("SELECT concat_ws('|', user_name, role, action, object, result) FROM audit_event "
                + "WHERE user_name IN ('once.admin', 'once.leader') AND action <> 'read-users' ORDER BY id", String.class)).containsExactly(
                "once.admin|admin|user-add|once.press (press)|success",
                "once.admin|admin|user-password|once.leader|success",
                "once.leader|leader|sign-in|once.leader|success",
                "once.admin|admin|user-totp|once.leader|success",
                "once.leader|leader|token-create|once.leader (token " + tokens.bearer(secretIn(own)).orElseThrow().tokenId()
                        + ", expires " + today.plusDays(7) + ")|success");
    }

    @Test
    void anAdministratorsOwnTokenFormOffersThirtyDays_theLongestItMayAsk() throws Exception {
        var users = context.getBean(org.fraudstats.access.Users.class);
        users.add("acct.admin", org.fraudstats.access.Role.ADMIN, "Acct-Admin-Passw0rd", org.fraudstats.access.Actor.commandLine());
        users.changeOwnPassword("acct.admin", "Acct-Admin-Passw0rd", "Acct-Admin-Own-Passw0rd", org.fraudstats.access.Actor.commandLine(), null);
        String page = mvc.perform(get("/account").with(user("acct.admin").roles("ADMIN"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<input type=\"number\" name=\"days\" value=\"30\" min=\"1\" max=\"30\">");
        shownOnce("acct.admin", "ADMIN", post("/account/token").param("current", "Acct-Admin-Own-Passw0rd"),
                "您的 API 令牌，30 天内有效（只显示这一次，请立即保存）", "刷新本页会再提交一次，另生成一个令牌（上面这个仍然有效，可在下表作废）。");
        var refused = mvc.perform(post("/account/token").param("current", "Acct-Admin-Own-Passw0rd").param("days", "90")
                .with(user("acct.admin").roles("ADMIN")).with(csrf())).andReturn();
        assertThat(refused.getFlashMap().get("error")).isEqualTo("管理员和安全审计员的令牌最长 30 天（令牌登录不经动态口令）");
        assertThat(jdbc.queryForObject("SELECT result FROM audit_event WHERE action = 'token-create' AND user_name = 'acct.admin' "
                + "ORDER BY id DESC LIMIT 1", String.class)).isEqualTo("refused: at most 30 days for admin");
    }

    /**
     * Posts as the user and checks the answer: the page itself (200, not a redirect, nothing in a flash map), the
     * secret in #secret with its label and what a reload would do, no-store, and the secret in no session row.
     */
    private MockHttpServletResponse shownOnce(String user, String role, MockHttpServletRequestBuilder request, String label,
                                              String reload) throws Exception {
        var result = mvc.perform(request.with(user(user).roles(role)).with(csrf())).andReturn();
        MockHttpServletResponse response = result.getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat((java.util.Map<String, Object>) result.getFlashMap()).isEmpty();
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        String secret = secretIn(response);
        assertThat(secret).isNotEmpty();
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("<p>" + label + "</p>")
                .contains("离开本页后无法再次查看，请现在保存。<span>" + reload + "</span>");
        // sessions are written to the table a flash map went to (the check reads the right place: the sign-in page
        // keeps its CSRF token in a session, so a row is there whichever test of the class ran first), never with
        // the secret
        mvc.perform(get("/login"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM spring_session_attributes", Integer.class)).isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM spring_session_attributes "
                + "WHERE position(convert_to(?, 'UTF8') IN attribute_bytes) > 0", Integer.class, secret)).isZero();
        return response;
    }

    private static String secretIn(MockHttpServletResponse response) throws Exception {
        var secret = java.util.regex.Pattern.compile("<p class=\"token\" id=\"secret\">([^<]*)</p>")
                .matcher(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(secret.find()).isTrue();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(secret.group(1));
    }

    private String page(String role, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = as(role, request);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse as(String role, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user("test-" + role).roles(role.toUpperCase()))).andReturn().getResponse();
    }
}
