package org.fraudstats.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fraudstats.support.PortalTest;
import org.fraudstats.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A finished rerun's page says what it published, corrections apart: it said "COMPLETED", and which days became a
 * correction mailed to leadership was a search through the archive (tester).
 */
@TestPropertySource(properties = "fraudstats.portal-url=http://reruns.test") // a context, and a database, of its own
class RerunPageTest extends PortalTest {

    @Test
    void aFinishedRerunListsWhatItPublished_andSaysWhenItPublishedNothing() throws Exception {
        assertThat(cli("ingest", "--inbox", SAMPLE_INBOX.toString(), "--from", "2022-10-01", "--to", "2022-10-03").exitCode()).isZero();
        assertThat(cli("rerun", "--from", "2022-10-02", "--to", "2022-10-03").exitCode()).isZero();
        int cases = jdbc.queryForObject("SELECT count(*) FROM fact_case WHERE business_day = '2022-10-03'",
                Integer.class);
        // a late case of the 3rd, in the next day's drop
        Path inbox = TestPostgres.tempHome();
        Path drop = Files.createDirectories(inbox.resolve("2022-10-04"));
        Files.writeString(drop.resolve("cases.csv"), "case_id,reported_at,district_code,station,fraud_type,loss_amount,victim_age\n"
                + "FSLATE0001,2022-10-03T10:00:00+08:00,440604,禅城分局祖庙派出所,FAKE_LOAN,1000.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString()).exitCode()).isZero();

        String page = finished(rerun("2022-10-02", "2022-10-03"));
        assertThat(page).contains("本次重算发布了 1 份通报，其中更正版 1 份（日报、周报、月报的更正版随后按分发名单邮寄，邮件状态见运行记录）：")
                .contains("<a href=\"/bulletins/2022-10-03/daily?revision=2\">2022-10-03 电信网络诈骗警情日报</a>")
                .contains("<span class=\"badge revised\">第2版（更正）</span>")
                .contains("佛山市 电诈警情 " + cases + " → " + (cases + 1))
                .doesNotContain("2022-10-02 电信网络诈骗警情日报");

        assertThat(finished(rerun("2022-10-03", "2022-10-03"))).contains("本次重算未发布新的通报或更正版：重新生成的数字与已发布的一致。")
                .doesNotContain("本次重算发布了");
        // a day never published before: a first publication, which a rerun does not mail
        assertThat(finished(rerun("2022-10-01", "2022-10-01"))).contains("本次重算发布了 1 份通报，均为首次发布（重算首次发布的通报不邮寄）：")
                .contains("<a href=\"/bulletins/2022-10-01/daily?revision=1\">2022-10-01 电信网络诈骗警情日报</a>")
                .contains("<span class=\"badge\">首发</span>");
    }

    /**
     * A backfill over days no drop has reached publishes bulletins that say 数据未到: the dry run says so before it is
     * confirmed and the finished rerun after, as the CLI's rerun warns (r44c: both listed 首次发布 and nothing else).
     */
    @Test
    void aRerunOverDaysWhoseDataHasNotArrivedSaysSoBeforeAndAfter() throws Exception {
        assertThat(cli("ingest", "--inbox", SAMPLE_INBOX.toString(), "--from", "2022-10-01", "--to", "2022-10-03").exitCode()).isZero();
        String plan = as(post("/runs/plan").param("from", "2022-10-05").param("to", "2022-10-06").with(csrf()))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(plan).contains("<p class=\"notice\">其中数据未到：2022-10-05、2022-10-06。这些天的通报会标明“数据未到”，数字不全；"
                + "数据到达后，下一夜或再次重算会修订。</p>");
        assertThat(finished(rerun("2022-10-05", "2022-10-06"))).contains("<p class=\"notice\">区间中数据未到：2022-10-05、2022-10-06。"
                + "这些天的通报已标明“数据未到”，数字不全；数据到达后，下一夜或再次重算会修订。</p>");
        // days whose drops are all in: nothing to say
        assertThat(as(post("/runs/plan").param("from", "2022-10-02").param("to", "2022-10-03").with(csrf()))
                .getContentAsString(StandardCharsets.UTF_8)).contains("预演结果").doesNotContain("其中数据未到");
    }

    /** A failed rerun says so in the page's words before the server's English line (r34a: FAILED, and 停止前 of a stop). */
    @Test
    void aFailedRerunSaysSoInChineseBeforeTheServersLine() throws Exception {
        // records to render from, whichever test runs first (the same drops as the other's: loaded once)
        assertThat(cli("ingest", "--inbox", SAMPLE_INBOX.toString(), "--from", "2022-10-01", "--to", "2022-10-03").exitCode()).isZero();
        Path out = context.getBean(org.fraudstats.storage.FraudstatsHome.class).defaultOut();
        Files.createDirectories(out.resolve("daily"));
        Files.writeString(out.resolve("daily/2022-10-09"), "in the way");
        String url = rerun("2022-10-09", "2022-10-09");
        assertThat(ended(url)).contains("\"status\":\"FAILED\"").contains("\"status_name\":\"失败\"");
        String page = as(get(url)).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("title=\"FAILED\">失败</span>")
                .contains("重算失败。服务器记录的原因如下（英文，供系统管理员查看）；问题解决后，点击“重新启动”只补未完成的天。")
                .contains("a file of that name is in the way").doesNotContain("停止前");
        Files.delete(out.resolve("daily/2022-10-09"));
    }

    private String rerun(String from, String to) throws Exception {
        MockHttpServletResponse started = as(post("/runs/start").param("from", from).param("to", to).with(csrf()));
        assertThat(started.getRedirectedUrl()).as(started.getStatus() + " " + java.util.regex.Pattern.compile("<p class=\"notice error[^>]*>([^<]*)")
                .matcher(started.getContentAsString(StandardCharsets.UTF_8)).results().map(m -> m.group(1)).toList()).matches("/runs/\\d+");
        return started.getRedirectedUrl();
    }

    /** The state.json of the rerun once it has ended. */
    private String ended(String url) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        String state;
        do {
            Thread.sleep(200);
            state = as(get(url + "/state.json")).getContentAsString();
        } while (state.contains("\"running\":true") && System.nanoTime() < deadline);
        return state;
    }

    private String finished(String url) throws Exception {
        assertThat(ended(url)).contains("\"status\":\"COMPLETED\"");
        MockHttpServletResponse response = as(get(url));
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse as(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user("test-statistician").roles("STATISTICIAN"))).andReturn().getResponse();
    }
}
