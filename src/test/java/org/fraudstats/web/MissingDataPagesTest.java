package org.fraudstats.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.fraudstats.support.Drops;
import org.fraudstats.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A bulletin published while its day's data had not arrived says so on the portal, not only inside its PDF: a
 * leader on a phone often sees the page and not the PDF, and the archive marks it beside the revision.
 */
class MissingDataPagesTest extends PortalTest {

    @TempDir
    java.nio.file.Path inbox;

    @org.junit.jupiter.api.BeforeEach
    void nothingLoadedNorPublished() {
        forgetEverything();
        jdbc.execute("TRUNCATE delivery, bulletin_revision");
    }

    @Test
    void theBulletinPageAndTheArchiveSayTheDataHadNotArrivedForADayWithoutADrop() throws Exception {
        new Drops(inbox).write("2022-10-24", "cases.csv", Drops.CASES + "C1,2022-10-24T09:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString()).exitCode()).isZero();
        Run rerun = cli("rerun", "--from", "2022-10-24", "--to", "2022-10-25");
        assertThat(rerun.exitCode()).isZero();
        // said to the statistician (or script) who ran it, as the schedule records such a week MISSING_DATA (review 33d)
        assertThat(rerun.err()).isEqualTo("fraudstats rerun: warning: the data of 2022-10-25 had not arrived (数据未到): the bulletins holding it "
                + "say so, and are revised by the next night or a rerun once its drop is loaded\n");
        // and the audit log says it was done with 数据未到, as it records such a night of the schedule (it was plain success)
        assertThat(jdbc.queryForObject("SELECT result FROM audit_event WHERE action = 'cli-rerun' ORDER BY id DESC LIMIT 1", String.class))
                .isEqualTo("success: data not arrived: 2022-10-25");
        assertThat(org.fraudstats.audit.AuditWords.result("success: data not arrived: 2022-10-25")).isEqualTo("成功：数据未到：2022-10-25（通报中已标明）");
        // so does a rerun asked on the portal, once its thread has ended
        MockHttpServletResponse asked = mvc.perform(post("/api/v1/reruns").with(user("test-statistician").roles("STATISTICIAN")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\": \"2022-10-24\", \"to\": \"2022-10-25\", \"formats\": [\"pdf\"]}")).andReturn().getResponse();
        assertThat(asked.getStatus()).isEqualTo(202);
        String ended = null;
        for (int i = 0; i < 600 && ended == null; i++) {
            Thread.sleep(100);
            ended = jdbc.query("SELECT result FROM audit_event WHERE action = 'rerun' AND object LIKE '2022-10-24..2022-10-25 (job execution %' "
                    + "AND result LIKE 'success%'", rs -> rs.next() ? rs.getString(1) : null);
        }
        assertThat(ended).isEqualTo("success: days rendered: 2; bulletins published: 0; data not arrived: 2022-10-25");
        assertThat(org.fraudstats.audit.AuditWords.result(ended))
                .isEqualTo("成功：生成 2 天，发布通报 0 期（首发或更正版）；数据未到：2022-10-25（通报中已标明）");

        String latest = page("leader", get("/bulletins/latest"));
        assertThat(latest).contains("2022-10-25").contains("<p class=\"notice revised\" id=\"missing-data\">数据未到：2022-10-25 "
                + "的数据尚未到达，本期只计入已报送的当日记录，数字不全，数据到达后将以修订版重发。</p>");
        assertThat(page("leader", get("/bulletins/2022-10-24/daily"))).doesNotContain("数据未到");
        String archive = page("statistician", get("/bulletins"));
        assertThat(archive.split("数据未到", -1)).hasSize(2);
        assertThat(archive.indexOf("数据未到")).isGreaterThan(archive.indexOf("2022-10-25")).isLessThan(archive.indexOf("2022-10-24"));
        assertThat(archive).doesNotContain(">数据有更新<");
        // and the API says it to a script that mirrors the archive (r33a: it said neither)
        tools.jackson.databind.JsonNode listed = new tools.jackson.databind.ObjectMapper().readTree(
                page("leader", get("/api/v1/bulletins").param("from", "2022-10-25").param("to", "2022-10-25")));
        assertThat(listed.get(0).get("not_arrived").asString()).startsWith("数据未到：2022-10-25 的数据尚未到达");
        assertThat(listed.get(0).get("outdated").asBoolean()).isFalse();

        // the day's drop comes, empty: no figure moves, but the next night revises the notice away (stale-bulletins.sql's
        // second rule), so the page and the archive say it is out of date until then (review: they said nothing)
        new Drops(inbox).write("2022-10-25", "warnings.csv", Drops.WARNINGS);
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-25").exitCode()).isZero();
        // in the words of what happened: the data arrived, no record changed (tester)
        assertThat(page("leader", get("/bulletins/2022-10-25/daily")))
                .contains("<p class=\"notice revised\" id=\"outdated\">本通报发布时数据未到，现已到达；下一次日报任务或重新生成将重新生成本通报并发布更正版。</p>")
                .doesNotContain("迟报或更正的记录");
        assertThat(page("statistician", get("/bulletins")).split(">数据有更新</span>", -1)).hasSize(2);
        assertThat(new tools.jackson.databind.ObjectMapper().readTree(page("leader", get("/api/v1/bulletins").param("from", "2022-10-25")
                .param("to", "2022-10-25"))).get(0).get("outdated").asBoolean()).isTrue();
        assertThat(headline("2022-10-25", "2022-10-25")).isEqualTo("409 { \"error\": \"the data of 2022-10-25 arrived after its own "
                + "bulletin (revision 1) said it had not (数据未到), and it has not been rendered again since: the headline quotes published "
                + "figures only, so it waits for the next night or a rerun to render it again\" }");
        assertThat(jdbc.queryForObject("SELECT result FROM audit_event WHERE action = 'read-headline' ORDER BY id DESC LIMIT 1",
                String.class)).isEqualTo("not-published: arrived since published");
    }

    /**
     * A day whose own drop was tried and did not load has records missing, whatever drops loaded after it: it was
     * published as whole (r39d: a failed 12-04, then 12-05 loaded by hand, and 12-04's daily said 0 cases, no 数据未到,
     * and the press headline quoted it). Once its drop loads, it has arrived.
     */
    @Test
    void aDayWhoseDropFailedToLoadHasNotArrived_thoughALaterDropLoaded() throws Exception {
        Drops drops = new Drops(inbox);
        drops.write("2022-10-24", "cases.csv", Drops.CASES + "C1,2022-10-24T09:00:00+08:00,440604,,OTHER,100.00,\n");
        // a required column missing: the load of 10-25 fails, and nothing of it is counted
        drops.write("2022-10-25", "cases.csv", "case_id,reported_at,district_code\nC2,2022-10-25T09:00:00+08:00,440604\n");
        drops.write("2022-10-26", "cases.csv", Drops.CASES + "C3,2022-10-26T09:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-24").exitCode()).isZero();
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-25").exitCode()).isNotZero();
        Run next = cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-26");
        assertThat(next.exitCode()).isZero();
        // said at the end of every ingest until it is put right (review r39e)
        assertThat(next.err()).containsPattern("fraudstats ingest: warning: the drop of 2022-10-25 was tried and never loaded \\(job execution "
                + "\\d+; history says why\\): every bulletin reading that day says 数据未到 until it is mended and loaded, or an empty folder "
                + java.util.regex.Pattern.quote(inbox.resolve("2022-10-25").toString()) + " is\n");

        Run rerun = cli("rerun", "--from", "2022-10-24", "--to", "2022-10-26");
        assertThat(rerun.exitCode()).isZero();
        assertThat(rerun.err()).startsWith("fraudstats rerun: warning: the data of 2022-10-25 had not arrived (数据未到)");
        assertThat(page("leader", get("/bulletins/2022-10-25/daily"))).contains("<p class=\"notice revised\" id=\"missing-data\">数据未到："
                + "2022-10-25 的数据尚未到达");
        assertThat(page("leader", get("/bulletins/2022-10-24/daily"))).doesNotContain("id=\"missing-data\"");
        assertThat(page("leader", get("/bulletins/2022-10-26/daily"))).doesNotContain("id=\"missing-data\"");
        // nor is it quoted to the press as whole
        assertThat(headline("2022-10-24", "2022-10-26")).startsWith("409 ").contains("the data of 2022-10-25 has not arrived");

        // mended and loaded: it has arrived, and the rerun publishes it whole
        drops.write("2022-10-25", "cases.csv", Drops.CASES + "C2,2022-10-25T09:00:00+08:00,440604,,OTHER,100.00,\n");
        Run mended = cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-25");
        assertThat(mended.exitCode()).isZero();
        assertThat(mended.err()).doesNotContain("never loaded");
        Run again = cli("rerun", "--from", "2022-10-25", "--to", "2022-10-25");
        assertThat(again.exitCode()).isZero();
        assertThat(again.err()).isEmpty();
        assertThat(page("leader", get("/bulletins/2022-10-25/daily"))).doesNotContain("id=\"missing-data\"");
    }

    @Test
    void theFiguresPageSaysWhenTheBaseItComparesWithHoldsADayWhoseDataHadNotArrived() throws Exception {
        Drops drops = new Drops(inbox);
        drops.write("2022-10-24", "cases.csv", Drops.CASES + "C1,2022-10-24T09:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString()).exitCode()).isZero();
        assertThat(cli("rerun", "--from", "2022-10-25", "--to", "2022-10-25").exitCode()).isZero();
        drops.write("2022-10-26", "cases.csv", Drops.CASES + "C2,2022-10-26T09:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-26").exitCode()).isZero();

        String pop = page("leader", get("/figures?from=2022-10-26&to=2022-10-26&compare=pop"));
        assertThat(pop).doesNotContain("id=\"missing-data\"").contains("<p class=\"notice revised\" id=\"missing-in-base\">"
                + "基期数据未到：2022-10-25 的数据尚未到达，环比基期只计入已报送的这些日期的记录，数字不全，不计算变化（显示为—），与通报一致。</p>");
        assertThat(page("leader", get("/figures?from=2022-10-26&to=2022-10-27&compare=pop&by=day"))).contains("id=\"missing-in-base\"");
        assertThat(page("leader", get("/figures?from=2022-10-26&to=2022-10-26&compare=yoy"))).doesNotContain("missing-in-base");
        assertThat(page("leader", get("/figures?from=2022-10-26&to=2022-10-26"))).doesNotContain("missing-in-base");
    }

    /** A leader checking a bulletin's 1473 on 统计数据 read 1474, with no word why (tester). */
    @Test
    void theFiguresPageSaysWhenItsDaysChangedAfterTheLatestBulletin() throws Exception {
        Drops drops = new Drops(inbox);
        drops.write("2022-10-24", "cases.csv", Drops.CASES + "C1,2022-10-24T09:00:00+08:00,440604,,OTHER,100.00,\n"
                + "C0,2022-10-23T09:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString()).exitCode()).isZero();
        assertThat(cli("rerun", "--from", "2022-10-24", "--to", "2022-10-24").exitCode()).isZero();
        assertThat(page("leader", get("/figures?from=2022-10-23&to=2022-10-24"))).doesNotContain("changed-since-bulletin");

        // a late case of the 23rd comes with the 25th's drop, no bulletin rendered since
        drops.write("2022-10-25", "cases.csv", Drops.CASES + "C2,2022-10-23T10:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-25").exitCode()).isZero();
        assertThat(page("leader", get("/figures?from=2022-10-23&to=2022-10-24"))).contains("<p class=\"notice revised\" "
                + "id=\"changed-since-bulletin\">2022-10-23 的数据在 2022-10-24 日报（第1版）发布后有更新：本页数字已含这些更新，"
                + "可能与已发布的通报不同，下一期日报或更正版发布后一致。</p>");
        assertThat(page("leader", get("/figures?from=2022-10-24&to=2022-10-24"))).doesNotContain("changed-since-bulletin");
    }

    @Test
    void theFiguresPageSaysWhenThePeriodOrItsBaseBeginsBeforeTheRecords() throws Exception {
        Drops drops = new Drops(inbox);
        drops.write("2022-10-24", "cases.csv", Drops.CASES + "C1,2022-10-24T09:00:00+08:00,440604,,OTHER,100.00,\n");
        drops.write("2022-10-26", "cases.csv", Drops.CASES + "C2,2022-10-26T09:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString()).exitCode()).isZero();

        // the 环比 base of 25–26 October is 23–24 October: one day of records
        String straddling = page("leader", get("/figures?from=2022-10-25&to=2022-10-26&compare=pop"));
        assertThat(straddling).contains("<p class=\"notice revised\" "
                + "id=\"before-records\">无记录：最早记录为 2022-10-24，环比基期中此前的日期没有记录，数字只含该日以后的数据（显示为 0 不代表没有警情），"
                + "不计算变化（显示为—）。</p>");
        // one case against one: no +0.0% printed beside the notice (tester: +5,552.0% of a year against five days)
        assertThat(straddling).doesNotContain("0.0%");
        // which the command and the API do compute (cli.md): the page does not claim they agree there (r44c)
        assertThat(page("statistician", get("/figures?from=2022-10-25&to=2022-10-26&compare=pop"))).contains("取得的数字与此一致，"
                + "只有本页因基期无记录或数据未到而不计算的变化（显示为—），命令、接口和下载的 CSV 仍按 cli.md 算出数值，不宜引用。");
        assertThat(page("statistician", get("/figures?from=2022-10-26&to=2022-10-26&compare=pop"))).contains("取得的数字与此一致。")
                .doesNotContain("不宜引用");
        assertThat(cli("metrics", "--from", "2022-10-25", "--to", "2022-10-26", "--compare", "pop", "--district", "440600").out())
                .contains(",0,0,1,0.0,100.00,0.0,");
        assertThat(page("leader", get("/figures?from=2022-10-20&to=2022-10-26"))).contains("id=\"before-records\">无记录：最早记录为 "
                + "2022-10-24，本期中此前的日期没有记录，数字只含该日以后的数据（显示为 0 不代表没有警情）。</p>");
        // a period wholly before them has no day after the first
        assertThat(page("leader", get("/figures?from=2022-10-01&to=2022-10-20"))).contains("id=\"before-records\">无记录：最早记录为 "
                + "2022-10-24，本期在此之前，没有记录（显示为 0 不代表没有警情）。</p>");
        // a base wholly before the records holds none: said, as the bulletins say 同比—（基期无记录）; its 0 read as "no
        // case last October" (review)
        assertThat(page("leader", get("/figures?from=2022-10-24&to=2022-10-26&compare=yoy"))).contains("id=\"before-records\">"
                + "无记录：最早记录为 2022-10-24，同比基期（2021-10-24 至 2021-10-26）在此之前，没有记录：基期显示的数字不代表当时的警情，"
                + "不计算变化（显示为—）。</p>");
        assertThat(page("leader", get("/figures?from=2022-10-20&to=2022-10-26&compare=yoy"))).contains("id=\"before-records\">"
                + "无记录：最早记录为 2022-10-24，本期中此前的日期没有记录，数字只含该日以后的数据（显示为 0 不代表没有警情）。同比基期（2021-10-20 至 "
                + "2021-10-26）在此之前，没有记录：");
        assertThat(page("leader", get("/figures?from=2022-10-26&to=2022-10-26&compare=pop"))).doesNotContain("before-records");
        // by day, the first day's own base day is before the records: —, as its daily says 环比—（基期无记录）; the next
        // day's is not (1 case against 0: -100.0%)
        String byDay = page("leader", get("/figures?from=2022-10-24&to=2022-10-25&compare=pop&by=day&district=440600"));
        assertThat(byDay).contains("id=\"before-records\">无记录：最早记录为 2022-10-24，基期日在 2022-10-24 之前的日期没有记录可比，"
                + "不计算变化（显示为—）。</p>").contains("-100.0%");
        assertThat(byDay.split("-100.0%", -1)).hasSize(3);
    }

    @Test
    void aHeadlineOverAPeriodHoldingADayWhoseBulletinSaysItsDataHadNotArrivedWaits_whicheverBulletinItRestsOn() throws Exception {
        Drops drops = new Drops(inbox);
        drops.write("2022-10-24", "cases.csv", Drops.CASES + "K1,2022-10-24T09:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString()).exitCode()).isZero();
        assertThat(cli("rerun", "--from", "2022-10-24", "--to", "2022-10-25").exitCode()).isZero();
        assertThat(headline("2022-10-24", "2022-10-25")).isEqualTo("409 { \"error\": \"the data of 2022-10-25 has not "
                + "arrived (数据未到): figures of a period holding it are partial, so the headline waits for it; a period ending "
                + "2022-10-24 can be quoted now\" }");
        assertThat(page("press", get("/headline").param("from", "2022-10-24").param("to", "2022-10-25")))
                .contains("2022-10-25 的数据未到，含该日的数字不全：新闻口径请待数据到达、日报发布后再取，或取截至 2022-10-24 的数据。")
                .doesNotContain("全市共处置电诈警情");
        assertThat(page("press", get("/headline").param("from", "2022-10-24").param("to", "2022-10-24")))
                .contains("10月24日，全市共处置电诈警情1宗");
        // nothing was loaded before the 24th: "2022年以来" would give the press this one case as the year's
        assertThat(headline("2022-01-01", "2022-10-24")).isEqualTo("409 { \"error\": \"no data before 2022-10-24 (the first "
                + "day loaded is 2022-10-24): a headline over days before it would quote zeros for a time with no records\" }");
        assertThat(page("press", get("/headline").param("from", "2022-01-01").param("to", "2022-10-24")))
                .contains("最早载入的数据为 2022-10-24，此前没有记录：新闻口径不能给出无记录时段的数字，请从 2022-10-24 起取数。")
                .doesNotContain("全市共处置电诈警情");

        // the 26th's drop comes with a late case of the 25th, whose own drop is still missing: the 25th is revised with
        // its notice kept, and a headline resting on the 26th's bulletin still waits for every period holding the 25th
        drops.write("2022-10-26", "cases.csv", Drops.CASES + "K2,2022-10-25T09:00:00+08:00,440604,,OTHER,100.00,\n"
                + "K3,2022-10-26T09:00:00+08:00,440605,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-26").exitCode()).isZero();
        assertThat(cli("rerun", "--from", "2022-10-25", "--to", "2022-10-26").exitCode()).isZero();
        assertThat(jdbc.queryForList("SELECT date_from || ' r' || revision || ' ' || ((figures -> 'notes' -> 'missing') IS NOT NULL) FROM bulletin_revision "
                + "WHERE kind = 'daily' ORDER BY date_from, revision", String.class))
                .containsExactly("2022-10-24 r1 false", "2022-10-25 r1 true", "2022-10-25 r2 true", "2022-10-26 r1 false");
        assertThat(headline("2022-10-24", "2022-10-25")).startsWith("409 ").contains("the data of 2022-10-25 has not arrived");
        assertThat(headline("2022-10-24", "2022-10-26")).startsWith("409 ").contains("a period ending 2022-10-24 can be quoted now");
        assertThat(headline("2022-10-26", "2022-10-26")).startsWith("200 ");

        // its own drop comes, empty: the 25th is revised once more, saying the data came, and the headline is given
        drops.write("2022-10-25", "warnings.csv", Drops.WARNINGS);
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-25").exitCode()).isZero();
        assertThat(cli("rerun", "--from", "2022-10-25", "--to", "2022-10-26").exitCode()).isZero();
        assertThat(jdbc.queryForObject("SELECT revision || ' ' || changes::text || ' ' || ((figures -> 'notes' -> 'missing') IS NOT NULL) "
                + "FROM bulletin_revision WHERE kind = 'daily' AND date_from = DATE '2022-10-25' ORDER BY revision DESC LIMIT 1",
                String.class)).isEqualTo("3 [\"数据未到 → 数据已到达\", \"环比 佛山市 电诈警情 — → 0.0%\", \"环比 佛山市 案损金额 — → 0.0%\", "
                + "\"环比 各区县 2 项 — → 已计算（见分区表）\"] false");
        assertThat(headline("2022-10-24", "2022-10-26")).startsWith("200 ").contains("\"value\": 3");

        // the 28th rendered with no drop since the 26th: the 27th has no bulletin of its own and no drop, yet the 28th's
        // bulletin would let a headline of the 27th rest on it, as zeros (a tester's finding)
        assertThat(cli("rerun", "--from", "2022-10-28", "--to", "2022-10-28").exitCode()).isZero();
        assertThat(headline("2022-10-27", "2022-10-27")).isEqualTo("409 { \"error\": \"the data of 2022-10-27 has not "
                + "arrived (数据未到): figures of a period holding it are partial, so the headline waits for it\" }");
        assertThat(headline("2022-10-24", "2022-10-28")).startsWith("409 ").contains("the data of 2022-10-27 and 1 more day has not arrived")
                .contains("a period ending 2022-10-26 can be quoted now");
        assertThat(headline("2022-10-24", "2022-10-26")).startsWith("200 ");
    }

    /** The API's answer: status, then the body on one line. */
    private String headline(String from, String to) throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/api/v1/headlines").param("from", from).param("to", to)
                .with(user("test-press").roles("PRESS"))).andReturn().getResponse();
        return r.getStatus() + " " + r.getContentAsString(StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
    }

    private String page(String role, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(user("test-" + role).roles(role.toUpperCase()))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
