package org.fraudstats.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.fraudstats.support.Drops;
import org.fraudstats.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Headline figures, published only" (web.md): a late record loaded after the bulletin the headline rests on keeps
 * the period's headline back, on the API and on the page, until a bulletin rendered after that load publishes it.
 */
class PublishedHeadlineTest extends PortalTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path inbox;

    @org.junit.jupiter.api.BeforeEach
    void cleanSlate() {
        forgetEverything();
        jdbc.execute("TRUNCATE delivery, bulletin_revision");
    }

    @Test
    void aLateRecordLoadedAfterTheBulletinHoldsTheHeadlineBackUntilABulletinPublishesIt() throws Exception {
        Drops drops = twoDaysPublished();
        JsonNode published = JSON.readTree(headline("2022-01-01", "2022-10-24").getContentAsString());
        assertThat(published.get("figures").get("cases").get("value").asLong()).isEqualTo(3);
        assertThat(published.get("bulletin").get("revision").asInt()).isEqualTo(1);

        // a late case of the 20th, loaded by hand: in the figures, in no bulletin yet
        drops.write("2022-10-25", "cases.csv", Drops.CASES + "C3,2022-10-20T09:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-25").exitCode()).isZero();
        MockHttpServletResponse held = headline("2022-01-01", "2022-10-24");
        assertThat(held.getStatus()).isEqualTo(409);
        assertThat(JSON.readTree(held.getContentAsString()).get("error").asString()).isEqualTo("the figures of 2022-10-20 changed "
                + "after the bulletin of 2022-10-24 (revision 1) was published: the headline quotes published figures only, so it "
                + "waits for the next bulletin or revision");
        assertThat(jdbc.queryForObject("SELECT result FROM audit_event WHERE action = 'read-headline' ORDER BY id DESC LIMIT 1",
                String.class)).isEqualTo("not-published: changed since published");
        // an auditor tells it from a period with no bulletin yet (r33a: both were "not-published")
        assertThat(org.fraudstats.audit.AuditWords.result("not-published: changed since published"))
                .isEqualTo("未发布：数据在通报发布后有更新，尚未重新发布");
        headline("2022-10-25", "2022-10-25");
        assertThat(jdbc.queryForObject("SELECT result FROM audit_event WHERE action = 'read-headline' ORDER BY id DESC LIMIT 1",
                String.class)).isEqualTo("not-published: no bulletin yet");
        String page = mvc.perform(get("/headline").param("from", "2022-01-01").param("to", "2022-10-24")
                .with(user("test-press").roles("PRESS"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("2022-10-20 的数据在 2022-10-24 日报（第1版）发布后有更新，尚未发布：新闻口径只引用已发布的数据，"
                + "请待下一期日报或更正版发布后再取。").doesNotContain("共处置电诈警情4宗");
        // a period the late case is not in is still the published one
        assertThat(headline("2022-10-21", "2022-10-24").getStatus()).isEqualTo(200);
        // the 24th's own day did not change, its 今年以来 did: its page says which day, and that no night revises it
        assertThat(leaderReads("/bulletins/2022-10-24/daily")).doesNotContain("id=\"outdated\"")
                .contains("id=\"read-days-changed\">本通报发布后，其引用的其他日期（今年以来、同比或环比基期、趋势）的数据有更新：2022-10-20。"
                        + "这些更新未必影响本通报的数字；通报不因其他日期的迟报或更正自动重发，");
        // and a script mirroring the archive reads the same days of the 24th: "outdated" (its own days) said false
        // alone, and the year to date it held was taken for current (r37c M1)
        JsonNode archive = JSON.readTree(leaderReads("/api/v1/bulletins?from=2022-10-23&to=2022-10-24"));
        assertThat(archive.toString().replaceAll("\"published_at\":\"[^\"]+\"", "T").replaceAll(",\"(pdf|xlsx|changes|not_arrived)\":[^,}]*", ""))
                .isEqualTo("[{\"date\":\"2022-10-24\",\"kind\":\"daily\",\"revision\":1,T,\"from\":\"2022-10-24\",\"to\":\"2022-10-24\","
                        + "\"outdated\":false,\"read_days_changed\":[\"2022-10-20\"]},"
                        + "{\"date\":\"2022-10-23\",\"kind\":\"daily\",\"revision\":1,T,\"from\":\"2022-10-23\",\"to\":\"2022-10-23\","
                        + "\"outdated\":false,\"read_days_changed\":[\"2022-10-20\"]}]");

        // the 24th's bulletin rendered again: its year to date moved, so revision 2 publishes the late case
        assertThat(cli("rerun", "--from", "2022-10-24", "--to", "2022-10-24").exitCode()).isZero();
        JsonNode revised = JSON.readTree(headline("2022-01-01", "2022-10-24").getContentAsString());
        assertThat(revised.get("figures").get("cases").get("value").asLong()).isEqualTo(4);
        assertThat(revised.get("bulletin").get("revision").asInt()).isEqualTo(2);
        assertThat(leaderReads("/bulletins/2022-10-24/daily")).doesNotContain("id=\"read-days-changed\"");
        JsonNode listed = JSON.readTree(leaderReads("/api/v1/bulletins?from=2022-10-24&to=2022-10-24"));
        assertThat(listed.get(0).get("revision").asInt()).isEqualTo(2);
        assertThat(listed.get(0).get("read_days_changed").toString()).isEqualTo("[]");
        assertThat(listed.get(1).get("revision").asInt()).isEqualTo(1);
        assertThat(listed.get(1).get("read_days_changed").isNull()).isTrue();
        // the revision of the 24th, whose own figures did not move, names the day that moved its year to date
        assertThat(cli("revisions", "--from", "2022-10-24", "--to", "2022-10-24").out())
                .contains("今年以来 全市 电诈警情 3 → 4; ").contains("更正原因：2022-10-20 的数据有更新（迟报、更正或修复）\"");
        // the page counts the figures that moved and says why apart: the reason is not one more change (review)
        assertThat(leaderReads("/bulletins/2022-10-24/daily?revision=2"))
                .contains("本修订变更 3 项：")
                // and what each figure counts, one tap away
                .contains("<a class=\"button secondary\" id=\"definitions\" href=\"/figures?from=2022-10-24&amp;to=2022-10-24#definitions\">统计口径</a>")
                .contains("<p class=\"reason\" id=\"correction-reason\">更正原因：2022-10-20 的数据有更新（迟报、更正或修复）</p>")
                .doesNotContain("<li>更正原因");
        assertThat(leaderReads("/bulletins")).contains("<p class=\"reason\">更正原因：2022-10-20 的数据有更新（迟报、更正或修复）</p>")
                .doesNotContain("<li>更正原因");
    }

    /**
     * A later day's bulletin rendered after a late record publishes it in its year to date only: the late record's
     * own day, whose bulletin still says otherwise, waits for its revision (tester: "10月20日 19宗" quoted while the
     * 10-20 bulletin said 18).
     */
    @Test
    void aDayWhoseOwnBulletinIsNotYetRevisedWaitsForItsRevision_theYearToDateDoesNot() throws Exception {
        Drops drops = twoDaysPublished();
        drops.write("2022-10-25", "cases.csv", Drops.CASES + "C3,2022-10-23T11:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-25").exitCode()).isZero();
        // only the latest day rendered again: its year to date publishes the late case, the 23rd's bulletin does not
        assertThat(cli("rerun", "--from", "2022-10-24", "--to", "2022-10-24").exitCode()).isZero();

        assertThat(JSON.readTree(headline("2022-01-01", "2022-10-24").getContentAsString())
                .get("figures").get("cases").get("value").asLong()).isEqualTo(4);
        MockHttpServletResponse held = headline("2022-10-23", "2022-10-23");
        assertThat(held.getStatus()).isEqualTo(409);
        assertThat(JSON.readTree(held.getContentAsString()).get("error").asString()).isEqualTo("the figures of 2022-10-23 changed "
                + "after its own bulletin (revision 1) was published, and it has not been rendered again since: the headline quotes "
                + "published figures only, so it waits for the next night or a rerun to render it again (a new revision if a figure moved)");
        String page = mvc.perform(get("/headline").param("from", "2022-10-23").param("to", "2022-10-23")
                .with(user("test-press").roles("PRESS"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("2022-10-23 的通报（第1版）发布后该时段数据有更新，尚未重新生成").doesNotContain("共处置电诈警情2宗");
        // the statistician's dry run says which days a rerun would correct (mailed), which it would publish first
        MockHttpServletResponse dry = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/reruns")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"from\": \"2022-10-22\", \"to\": \"2022-10-24\", \"dry_run\": true}")
                .with(user("test-statistician").roles("STATISTICIAN"))).andReturn().getResponse();
        assertThat(JSON.readTree(dry.getContentAsString()).get("outlook").toString()).isEqualTo("["
                + "{\"date\":\"2022-10-22\",\"published_revision\":null,\"status\":\"first\"},"
                + "{\"date\":\"2022-10-23\",\"published_revision\":1,\"status\":\"may-revise\"},"
                + "{\"date\":\"2022-10-24\",\"published_revision\":2,\"status\":\"unchanged\"}]");
        String plan = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/runs/plan")
                .param("from", "2022-10-22").param("to", "2022-10-24")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .with(user("test-statistician").roles("STATISTICIAN"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(plan).contains("日报 2022-10-22（PDF、Excel）</span><span class=\"outlook first\">：尚未发布：首次发布（不发邮件）</span>",
                "日报 2022-10-23（PDF、Excel）</span><span class=\"outlook may-revise\">：已发布第1版，其后数据有更新：数字如有变化，发布第2版并邮件通知</span>",
                "日报 2022-10-24（PDF、Excel）</span><span class=\"outlook unchanged\">：已发布第2版，其后未载入影响本期的数据：重新生成，预计不发布新版</span>");

        // and leadership, on the bulletin's own page, reads that its figures have moved since
        assertThat(leaderReads("/bulletins/2022-10-23/daily")).contains("id=\"outdated\"", "本通报发布后，该时段的数据有更新")
                .doesNotContain("id=\"read-days-changed\"");
        // the archive marks the one bulletin the next night will revise, and no other (tester: each page opened)
        String listed = leaderReads("/bulletins");
        assertThat(listed.split(">数据有更新</span>", -1)).hasSize(2);
        assertThat(listed.substring(listed.indexOf("/bulletins/2022-10-23/daily?revision=1"))).contains(">数据有更新</span>");
        assertThat(leaderReads("/bulletins/2022-10-24/daily")).doesNotContain("id=\"outdated\"");

        assertThat(cli("rerun", "--from", "2022-10-23", "--to", "2022-10-23").exitCode()).isZero();
        JsonNode revised = JSON.readTree(headline("2022-10-23", "2022-10-23").getContentAsString());
        assertThat(revised.get("figures").get("cases").get("value").asLong()).isEqualTo(2);
        // the press, who reads no bulletin, is told that the day's own bulletin was corrected: a figure it quoted moved
        assertThat(revised.get("corrected").get("date").asString()).isEqualTo("2022-10-23");
        assertThat(revised.get("corrected").get("kind").asString()).isEqualTo("daily");
        assertThat(revised.get("corrected").get("revision").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(headline("2022-01-01", "2022-10-24").getContentAsString()).has("corrected")).isFalse();
        // a period with no bulletin of its own names the corrected dailies inside it: 本年以来 moved with the 23rd's
        // correction (a press officer's 12月以来 went from 1472宗 to 1473宗 and nothing said so)
        JsonNode year = JSON.readTree(headline("2022-01-01", "2022-10-24").getContentAsString());
        assertThat(year.get("corrected_days").size()).isEqualTo(1);
        assertThat(year.get("corrected_days").get(0).get("date").asString()).isEqualTo("2022-10-23");
        assertThat(year.get("corrected_days").get(0).get("revision").asInt()).isEqualTo(2);
        assertThat(mvc.perform(get("/headline").param("from", "2022-01-01").param("to", "2022-10-24")
                .with(user("test-press").roles("PRESS"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("本时段内的日报已更正：2022-10-23（第2版，", " 发布），其所引用的当日数字有变化，本时段的数字可能随之变化：此前引用过的数字请与上方核对，以上方为准。");
        // but not where the correction moved nothing the headline quotes: 南海区's figures, or the warnings
        MockHttpServletResponse nanhai = mvc.perform(get("/api/v1/headlines").param("from", "2022-01-01").param("to", "2022-10-24")
                .param("district", "440605").with(user("test-press").roles("PRESS"))).andReturn().getResponse();
        assertThat(JSON.readTree(nanhai.getContentAsString()).has("corrected_days")).isFalse();
        MockHttpServletResponse prevention = mvc.perform(get("/api/v1/headlines").param("from", "2022-01-01").param("to", "2022-10-24")
                .param("topic", "prevention").with(user("test-press").roles("PRESS"))).andReturn().getResponse();
        assertThat(JSON.readTree(prevention.getContentAsString()).has("corrected_days")).isFalse();
        MockHttpServletResponse ownPrevention = mvc.perform(get("/api/v1/headlines").param("from", "2022-10-23").param("to", "2022-10-23")
                .param("topic", "prevention").with(user("test-press").roles("PRESS"))).andReturn().getResponse();
        assertThat(JSON.readTree(ownPrevention.getContentAsString()).has("corrected")).isFalse();
        String corrected = mvc.perform(get("/headline").param("from", "2022-10-23").param("to", "2022-10-23")
                .with(user("test-press").roles("PRESS"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(corrected).contains("本时段的电信网络诈骗警情日报已更正（第2版，", " 发布）：此前引用过的数字请以上方为准。");
        // the first revision, opened from the mail that carried it, names its correction; the second is current
        assertThat(leaderReads("/bulletins/2022-10-23/daily?revision=1")).contains("id=\"superseded\"", "本版已被更正：最新为",
                "href=\"/bulletins/2022-10-23/daily?revision=2\"", "第2版").doesNotContain("id=\"outdated\"");
        assertThat(leaderReads("/bulletins/2022-10-23/daily")).doesNotContain("id=\"superseded\"", "id=\"outdated\"");
        // a drop that changes no figure still may revise (a 数据未到 it ends): the dry run does not promise nothing new
        drops.write("2022-10-22", "warnings.csv", Drops.WARNINGS);
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-22").exitCode()).isZero();
        MockHttpServletResponse after = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/reruns")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"from\": \"2022-10-23\", \"to\": \"2022-10-23\", \"dry_run\": true}")
                .with(user("test-statistician").roles("STATISTICIAN"))).andReturn().getResponse();
        assertThat(JSON.readTree(after.getContentAsString()).get("outlook").get(0).get("status").asString()).isEqualTo("may-revise");
        String archive = leaderReads("/bulletins");
        // the 23rd's first revision and the 24th's first: each has a later one
        assertThat(archive.split("class=\"badge superseded\"", -1)).hasSize(3);
    }

    /**
     * A one-day range bulletin (a rerun --range of one day) is another bulletin than that day's daily, revised on its
     * own: the daily's page said "outdated" after the daily had been revised, because the range of the same day was not
     * (review).
     */
    @Test
    void aDailyRevisedIsNotOutdatedBecauseTheOneDayRangeOfItsDayIs() throws Exception {
        Drops drops = twoDaysPublished();
        assertThat(cli("rerun", "--from", "2022-10-23", "--to", "2022-10-23", "--range").exitCode()).isZero();
        drops.write("2022-10-25", "cases.csv", Drops.CASES + "C3,2022-10-23T11:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-25").exitCode()).isZero();
        // the daily alone rendered again: its second revision is current, the range's first is not
        assertThat(cli("rerun", "--from", "2022-10-23", "--to", "2022-10-23").exitCode()).isZero();

        assertThat(leaderReads("/bulletins/2022-10-23/daily")).doesNotContain("id=\"outdated\"");
        assertThat(leaderReads("/bulletins/2022-10-23_2022-10-23/range")).contains("id=\"outdated\"");
        // the press quotes a day's daily, current again: the one-day range revised on its own does not hold it back
        assertThat(headline("2022-10-23", "2022-10-23").getStatus()).isEqualTo(200);
        // and the dry run with range says so of the range bulletin too (tester: it said nothing of the month)
        MockHttpServletResponse dry = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/reruns")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"from\": \"2022-10-23\", \"to\": \"2022-10-23\", \"range\": true, \"dry_run\": true}")
                .with(user("test-statistician").roles("STATISTICIAN"))).andReturn().getResponse();
        JsonNode plan = JSON.readTree(dry.getContentAsString());
        assertThat(plan.get("outlook").toString()).isEqualTo("[{\"date\":\"2022-10-23\",\"published_revision\":2,\"status\":\"unchanged\"}]");
        assertThat(plan.get("range_outlook").toString())
                .isEqualTo("{\"from\":\"2022-10-23\",\"to\":\"2022-10-23\",\"published_revision\":1,\"status\":\"may-revise\"}");
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/runs/plan")
                .param("from", "2022-10-23").param("to", "2022-10-23").param("range", "true")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .with(user("test-statistician").roles("STATISTICIAN"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("区间通报 2022-10-23 至 2022-10-23（PDF、Excel）</span><span class=\"outlook may-revise\">："
                + "已发布第1版，其后数据有更新：数字如有变化，发布第2版（区间通报不发邮件）</span>");
        assertThat(cli("rerun", "--from", "2022-10-23", "--to", "2022-10-23", "--range").exitCode()).isZero();
        JsonNode quoted = JSON.readTree(headline("2022-10-23", "2022-10-23").getContentAsString());
        assertThat(quoted.get("figures").get("cases").get("value").asLong()).isEqualTo(2);
        assertThat(quoted.get("corrected").get("kind").asString()).isEqualTo("daily");
    }

    /**
     * A change of a day the bulletin does not read (last year, after its 同比 day, before nothing it compares with)
     * says nothing on its page, and the dry run expects nothing new (review: "1 January of last year to its day" named
     * a late case of 2021-11-15 under the daily of 2022-10-24).
     */
    @Test
    void aChangeOfADayTheBulletinDoesNotReadIsNotNamed() throws Exception {
        Drops drops = twoDaysPublished();
        drops.write("2022-10-25", "cases.csv", Drops.CASES + "C9,2021-11-15T09:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-25").exitCode()).isZero();
        assertThat(leaderReads("/bulletins/2022-10-24/daily")).doesNotContain("id=\"read-days-changed\"", "id=\"outdated\"");
        MockHttpServletResponse dry = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/reruns")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"from\": \"2022-10-24\", \"to\": \"2022-10-24\", \"dry_run\": true}")
                .with(user("test-statistician").roles("STATISTICIAN"))).andReturn().getResponse();
        assertThat(JSON.readTree(dry.getContentAsString()).get("outlook").get(0).get("status").asString()).isEqualTo("unchanged");
        // a day its 同比 base reads is named: the same day last year
        drops.write("2022-10-26", "cases.csv", Drops.CASES + "C8,2021-10-24T09:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-26").exitCode()).isZero();
        assertThat(leaderReads("/bulletins/2022-10-24/daily")).contains("的数据有更新：2021-10-24。");
    }

    private String leaderReads(String uri) throws Exception {
        return mvc.perform(get(uri).with(user("test-leader").roles("LEADER"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /**
     * A correction published before a period could be quoted moved nothing anyone quoted: 本年以来 through the 25th,
     * quotable only once the 25th's daily was out, is not told of the 23rd's correction made before it (review: every
     * 本年以来 headline would have carried the notice).
     */
    @Test
    void aCorrectionBeforeThePeriodCouldBeQuotedIsNotNamed() throws Exception {
        Drops drops = twoDaysPublished();
        drops.write("2022-10-25", "cases.csv", Drops.CASES + "C3,2022-10-23T11:00:00+08:00,440604,,OTHER,100.00,\n"
                + "C4,2022-10-25T09:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-25").exitCode()).isZero();
        assertThat(cli("rerun", "--from", "2022-10-23", "--to", "2022-10-24").exitCode()).isZero();
        assertThat(cli("rerun", "--from", "2022-10-25", "--to", "2022-10-25").exitCode()).isZero();

        JsonNode throughThe25th = JSON.readTree(headline("2022-01-01", "2022-10-25").getContentAsString());
        assertThat(throughThe25th.get("figures").get("cases").get("value").asLong()).isEqualTo(5);
        assertThat(throughThe25th.has("corrected_days")).isFalse();
        // through the 24th, quotable before the correction: named
        JsonNode throughThe24th = JSON.readTree(headline("2022-01-01", "2022-10-24").getContentAsString());
        assertThat(throughThe24th.get("corrected_days").get(0).get("date").asString()).isEqualTo("2022-10-23");
    }

    /**
     * A day the bulletin the headline rests on printed as not arrived, which a later drop has since made arrived, waits
     * for a bulletin published after that drop (r36b M1: 3月2日…0宗 quoted on the 3rd's daily, which said 3月2日数据未到).
     */
    @Test
    void aDayItsBulletinSaidHadNotArrivedWaitsForABulletinPublishedSinceItArrived() throws Exception {
        Drops drops = twoDaysPublished();
        // the 26th rendered without the drops of the 25th and 26th: its daily says both are missing
        assertThat(cli("rerun", "--from", "2022-10-26", "--to", "2022-10-26").exitCode()).isZero();
        assertThat(headline("2022-10-25", "2022-10-25").getStatus()).isEqualTo(409);
        // the drop of the 27th comes, with nothing of the 25th: by the bulletins' rule the 25th has arrived (a later drop
        // loaded, no daily of its own), the 26th, whose daily said 数据未到, has not
        drops.write("2022-10-27", "cases.csv", Drops.CASES + "C4,2022-10-27T09:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-27").exitCode()).isZero();

        MockHttpServletResponse held = headline("2022-10-25", "2022-10-25");
        assertThat(held.getStatus()).isEqualTo(409);
        assertThat(JSON.readTree(held.getContentAsString()).get("error").asString()).isEqualTo("the data of 2022-10-25 arrived "
                + "after the bulletin of 2022-10-26 (revision 1) said it had not (数据未到): the headline quotes published figures "
                + "only, so it waits for the next night or a rerun of 2022-10-26");
        assertThat(jdbc.queryForObject("SELECT result FROM audit_event WHERE action = 'read-headline' ORDER BY id DESC LIMIT 1",
                String.class)).isEqualTo("not-published: arrived since published");
        String page = mvc.perform(get("/headline").param("from", "2022-10-24").param("to", "2022-10-25")
                .with(user("test-press").roles("PRESS"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("2022-10-25 的数据在 2022-10-26 日报（第1版）发布时未到，现已到达：新闻口径只引用已发布的数据，"
                + "请待下一次日报任务或重新生成 2022-10-26 的日报后再取。").doesNotContain("共处置电诈警情1宗");
        // a period without the day is quoted; the page's default period ends before the day (review 36d: it ended on it)
        assertThat(headline("2022-10-24", "2022-10-24").getStatus()).isEqualTo(200);
        String byDefault = mvc.perform(get("/headline").with(user("test-press").roles("PRESS"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(byDefault).contains("2022年以来，全市共处置电诈警情3宗").contains("name=\"to\" value=\"2022-10-24\"");

        // the 25th published since: its own daily, not saying 数据未到, is the bulletin the headline rests on
        assertThat(cli("rerun", "--from", "2022-10-25", "--to", "2022-10-25").exitCode()).isZero();
        JsonNode quoted = JSON.readTree(headline("2022-10-25", "2022-10-25").getContentAsString());
        assertThat(quoted.get("figures").get("cases").get("value").asLong()).isZero();
        assertThat(quoted.get("bulletin").get("date").asString()).isEqualTo("2022-10-25");
    }

    /**
     * A bulletin of a later year, rendered after a late record, does not publish it: the headline of the record's year
     * waits for the record's own daily, or a bulletin of its year (r36a: 2022年以来 quoted a late case of 2022-09-22 on a
     * rerun of 2023-06-13, while the 22nd's daily said otherwise).
     */
    @Test
    void aBulletinOfALaterYearDoesNotPublishALateRecordOfThePeriod() throws Exception {
        Drops drops = twoDaysPublished();
        drops.write("2022-10-25", "cases.csv", Drops.CASES + "C3,2022-10-23T11:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-25").exitCode()).isZero();
        // a day of the next year rendered by hand: the newest bulletin published, rendered after the late case
        assertThat(cli("rerun", "--from", "2023-01-05", "--to", "2023-01-05").exitCode()).isZero();

        MockHttpServletResponse held = headline("2022-01-01", "2022-10-24");
        assertThat(held.getStatus()).isEqualTo(409);
        assertThat(JSON.readTree(held.getContentAsString()).get("error").asString()).isEqualTo("the figures of 2022-10-23 changed "
                + "after its own bulletin (revision 1) was published, and the bulletin of 2023-01-05 does not publish that day: the "
                + "headline quotes published figures only, so it waits for the next night or a rerun of 2022-10-23 to render it again");
        String page = mvc.perform(get("/headline").param("from", "2022-01-01").param("to", "2022-10-24")
                .with(user("test-press").roles("PRESS"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("2022-10-23 的数据在其日报（第1版）发布后有更新，尚未重新生成（2023-01-05 日报不含该日）："
                + "新闻口径只引用已发布的数据，请待下一次日报任务或重新生成该日后再取。").doesNotContain("共处置电诈警情4宗");
        // a period of the days before it is still the published one
        assertThat(headline("2022-01-01", "2022-10-22").getStatus()).isEqualTo(200);

        // the 23rd rendered again: its revision publishes the late case
        assertThat(cli("rerun", "--from", "2022-10-23", "--to", "2022-10-23").exitCode()).isZero();
        assertThat(JSON.readTree(headline("2022-01-01", "2022-10-24").getContentAsString())
                .get("figures").get("cases").get("value").asLong()).isEqualTo(4);
    }

    /** Three cases, on New Year's day and on the 23rd and 24th, whose two days' bulletins are published. */
    /**
     * A correction back to the first figure moved the one a press officer quoted in between (1 → 2 quoted → 1): compared
     * with the first revision, nothing was said (review).
     */
    @Test
    void aCorrectionBackToTheFirstFigureIsSaidToWhoQuotedTheOneBetween() throws Exception {
        Drops drops = twoDaysPublished();
        drops.write("2022-10-25", "cases.csv", Drops.CASES + "C3,2022-10-23T11:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-25").exitCode()).isZero();
        assertThat(cli("rerun", "--from", "2022-10-23", "--to", "2022-10-23").exitCode()).isZero();
        assertThat(JSON.readTree(headline("2022-10-23", "2022-10-23").getContentAsString()).get("figures").get("cases")
                .get("value").asLong()).isEqualTo(2);
        // the case was of the 20th after all: the same id again moves it (feeds.md, correction)
        drops.write("2022-10-26", "cases.csv", Drops.CASES + "C3,2022-10-20T11:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString(), "--date", "2022-10-26").exitCode()).isZero();
        assertThat(cli("rerun", "--from", "2022-10-23", "--to", "2022-10-23").exitCode()).isZero();

        JsonNode day = JSON.readTree(headline("2022-10-23", "2022-10-23").getContentAsString());
        assertThat(day.get("figures").get("cases").get("value").asLong()).isEqualTo(1);
        assertThat(day.get("corrected").get("revision").asInt()).isEqualTo(3);
        // a period holding the day: its 2 went back to 1 as well
        String answer = headline("2022-10-22", "2022-10-23").getContentAsString();
        JsonNode days = JSON.readTree(answer);
        assertThat(days.has("corrected_days")).as(answer).isTrue();
        assertThat(days.get("corrected_days").get(0).get("date").asString()).isEqualTo("2022-10-23");
        assertThat(days.get("corrected_days").get(0).get("revision").asInt()).isEqualTo(3);
    }

    private Drops twoDaysPublished() throws Exception {
        Drops drops = new Drops(inbox)
                // the records start on New Year's day (a headline from before the first day loaded is refused)
                .write("2022-10-23", "cases.csv", Drops.CASES + "C0,2022-01-01T09:00:00+08:00,440604,,OTHER,100.00,\n"
                        + "C1,2022-10-23T09:00:00+08:00,440604,,OTHER,100.00,\n")
                .write("2022-10-24", "cases.csv", Drops.CASES + "C2,2022-10-24T09:00:00+08:00,440605,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString()).exitCode()).isZero();
        assertThat(cli("rerun", "--from", "2022-10-23", "--to", "2022-10-24").exitCode()).isZero();
        return drops;
    }

    private MockHttpServletResponse headline(String from, String to) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/v1/headlines").param("from", from).param("to", to);
        return mvc.perform(request.with(user("test-press").roles("PRESS"))).andReturn().getResponse();
    }
}
