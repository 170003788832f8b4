package org.fraudstats.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fraudstats.storage.SqlFiles;
import org.fraudstats.support.Drops;
import org.fraudstats.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Headline figures, published only" (web.md) after a fact corrected by hand in psql: `verify --repair` puts the
 * correction into the rollups every figure reads, so it counts as a change of the days it rewrote, like a load's
 * (V23). The headline of a period holding such a day is held back (409, and the page says why), the nightly's stale
 * check names the day so that its published bulletin is revised, and a bulletin rendered after the repair (here a
 * rerun of the day) lets the headline quote the repaired figure, naming that revision.
 */
class RepairedHeadlineTest extends PortalTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path inbox;

    @TempDir
    Path out;

    @Autowired
    NamedParameterJdbcTemplate named;

    @Test
    void aRepairedFigureIsHeldBackFromTheHeadlineUntilABulletinRenderedAfterTheRepairPublishesIt() throws Exception {
        String account = "6222" + "0000" + "1111" + "9876";
        new Drops(inbox)
                // the records start on the 1st (a headline from before the first day loaded is refused)
                .write("2022-10-23", "cases.csv", Drops.CASES + "C0,2022-10-01T09:00:00+08:00,440604,,OTHER,100.00,\n"
                        + "C1,2022-10-23T09:00:00+08:00,440604,,OTHER,100.00,\n")
                .write("2022-10-24", "cases.csv", Drops.CASES + "C2,2022-10-24T09:00:00+08:00,440605,,OTHER,9000.00,\n")
                .write("2022-10-24", "freezes.csv", Drops.FREEZES
                        + "F1,C2,STOP_PAYMENT,工行," + account + ",5000.00,2022-10-24T09:30:00+08:00\n");
        assertThat(night("2022-10-23").exitCode()).isZero();
        assertThat(night("2022-10-24").exitCode()).isZero();
        JsonNode published = JSON.readTree(headline("2022-10-01", "2022-10-24").getContentAsString());
        assertThat(published.get("figures").get("stop_amount").get("value").asString()).isEqualTo("5000.00");
        assertThat(published.get("bulletin").get("date").asString()).isEqualTo("2022-10-24");
        assertThat(published.get("bulletin").get("revision").asInt()).isEqualTo(1);

        // a statistician corrects the stopped amount in psql: the figures read the rollups, so nothing moves yet
        jdbc.update("UPDATE fact_freeze SET amount = 8000.00 WHERE freeze_id = 'F1'");
        assertThat(JSON.readTree(headline("2022-10-01", "2022-10-24").getContentAsString())
                .get("figures").get("stop_amount").get("value").asString()).isEqualTo("5000.00");
        assertThat(staleDays()).isEmpty();

        Run repair = cli("verify", "--from", "2022-10-01", "--to", "2022-10-24", "--repair");
        assertThat(repair.exitCode()).as(repair.err()).isZero();
        assertThat(repair.out()).contains("rows rewritten from the facts on 2022-10-24;");

        // (a) the repaired figure is in no published bulletin: held, on the API and on the page, as after a late load
        MockHttpServletResponse held = headline("2022-10-01", "2022-10-24");
        assertThat(held.getStatus()).isEqualTo(409);
        assertThat(JSON.readTree(held.getContentAsString()).get("error").asString()).isEqualTo("the figures of 2022-10-24 changed "
                + "after the bulletin of 2022-10-24 (revision 1) was published: the headline quotes published figures only, so it "
                + "waits for the next bulletin or revision");
        String page = mvc.perform(get("/headline").param("from", "2022-10-01").param("to", "2022-10-24")
                .with(user("test-press").roles("PRESS"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("2022-10-24 的数据在 2022-10-24 日报（第1版）发布后有更新，尚未发布：新闻口径只引用已发布的数据，"
                + "请待下一期日报或更正版发布后再取。")
                // the repaired amount as the headline would quote it; "8000" alone could be in the page's random CSRF token
                .doesNotContain("8000元").doesNotContain("8000.00");
        // a period without the repaired day is still the published one
        assertThat(headline("2022-10-01", "2022-10-23").getStatus()).isEqualTo(200);

        // (b) the nightly's stale check names the repaired day, and that day only, so the next night revises its bulletin
        assertThat(staleDays()).containsExactly(LocalDate.of(2022, 10, 24));

        // (c) the day rendered again after the repair: revision 2 publishes 8000.00, and the headline quotes it
        Run rerun = cli("rerun", "--from", "2022-10-24", "--to", "2022-10-24", "--out", out.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        MockHttpServletResponse answered = headline("2022-10-01", "2022-10-24");
        assertThat(answered.getStatus()).isEqualTo(200);
        JsonNode revised = JSON.readTree(answered.getContentAsString());
        assertThat(revised.get("figures").get("stop_amount").get("value").asString()).isEqualTo("8000.00");
        assertThat(revised.get("figures").get("stop_amount").get("press").asString()).isEqualTo("8000元");
        assertThat(revised.get("bulletin").get("date").asString()).isEqualTo("2022-10-24");
        assertThat(revised.get("bulletin").get("revision").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT changes::text FROM bulletin_revision WHERE kind = 'daily' "
                + "AND date_from = DATE '2022-10-24' AND revision = 2", String.class)).contains("南海区 止付金额 5,000.00 → 8,000.00");
        assertThat(staleDays()).isEmpty();
    }

    /** The dailies the night of 25 October would re-render: sql/nightly/stale-bulletins.sql, as the nightly run reads it. */
    private List<LocalDate> staleDays() {
        return named.query(SqlFiles.load("nightly/stale-bulletins.sql"), Map.of("from", LocalDate.of(1, 1, 1), "to", LocalDate.of(2022, 10, 25),
                "exact", false), (rs, i) -> "daily".equals(rs.getString("kind")) ? rs.getObject("date_from", LocalDate.class) : null)
                .stream().filter(java.util.Objects::nonNull).toList();
    }

    private Run night(String date) {
        return cli("nightly", "--date", date, "--inbox", inbox.toString(), "--out", out.toString());
    }

    private MockHttpServletResponse headline(String from, String to) throws Exception {
        return mvc.perform(get("/api/v1/headlines").param("from", from).param("to", to)
                .with(user("test-press").roles("PRESS"))).andReturn().getResponse();
    }
}
