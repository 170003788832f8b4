package org.fraudstats.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.fraudstats.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The archive after months of nights: a page of 100 rows at a time, one kind on its own (a leader after the latest
 * 月报 scrolled past every daily on a phone), and the start page's latest daily read without the whole list.
 */
@TestPropertySource(properties = "fraudstats.portal-url=http://archive.test") // a context, and a database, of its own
class ArchivePagesTest extends PortalTest {

    private static final Pattern ROW = Pattern.compile("<tr[^>]*>\\s*<td><a href=\"/bulletins/([0-9_-]+)/(\\w+)\\?revision=(\\d)\"");

    @BeforeEach
    void fiveMonthsPublished() {
        if (jdbc.queryForObject("SELECT count(*) FROM bulletin_revision", Integer.class) > 0) {
            return;
        }
        // 150 dailies (1 January to 30 May 2022), the 5 monthlies, and a second revision of 3 May: rows of the
        // archive as the nights leave them, without files (the list reads none)
        jdbc.update("INSERT INTO bulletin_revision (kind, date_from, date_to, revision, figures, generated_at, last_load_seen) "
                + "SELECT 'daily', d, d, 1, '{}', d + interval '31 hours', 0 "
                + "FROM generate_series(date '2022-01-01', date '2022-05-30', interval '1 day') d");
        jdbc.update("INSERT INTO bulletin_revision (kind, date_from, date_to, revision, figures, generated_at, last_load_seen) "
                + "SELECT 'range', m, (m + interval '1 month' - interval '1 day')::date, 1, '{}', m + interval '1 month 7 hours', 0 "
                + "FROM generate_series(date '2022-01-01', date '2022-05-01', interval '1 month') m");
        jdbc.update("INSERT INTO bulletin_revision (kind, date_from, date_to, revision, figures, changes, generated_at, last_load_seen) "
                + "VALUES ('daily', '2022-05-03', '2022-05-03', 2, '{}', '[\"佛山市 电诈警情 1 → 2\"]', '2022-05-31 07:00+08', 0)");
    }

    @Test
    void theArchiveShowsAHundredRowsAPage_newestFirst() throws Exception {
        String first = page(get("/bulletins"));
        assertThat(rows(first)).hasSize(100).startsWith("2022-05-01_2022-05-31/monthly r1", "2022-05-30/daily r1");
        assertThat(first).contains("共 156 份（各版分列），第 1 / 2 页，每页 100 份")
                .contains("href=\"/bulletins?from=&amp;to=&amp;kind=&amp;latest=&amp;page=2\"").doesNotContain("上一页");
        String second = page(get("/bulletins").param("page", "2"));
        assertThat(rows(second)).hasSize(56).last().isEqualTo("2022-01-01/daily r1");
        assertThat(second).contains("第 2 / 2 页").contains("page=1\"").doesNotContain("下一页");
        // a page past the last (a bookmark, the list shorter since) is the last; a page that is no number is named
        assertThat(rows(page(get("/bulletins").param("page", "9")))).hasSize(56);
        MockHttpServletResponse bad = as(get("/bulletins").param("page", "two"));
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("页码应为正整数：two");
    }

    @Test
    void oneKindOfBulletinOnItsOwn() throws Exception {
        // May's monthly has its PDF on the server, no workbook (rendered --formats pdf); the other rows no file at all
        java.nio.file.Path mayPdf = context.getBean(org.fraudstats.storage.FraudstatsHome.class).defaultOut()
                .resolve("range/2022-05-01_2022-05-31/fraudstats-range-2022-05-01_2022-05-31.pdf");
        java.nio.file.Files.createDirectories(mayPdf.getParent());
        java.nio.file.Files.writeString(mayPdf, "%PDF-1.7 May");
        String monthlies = page(get("/bulletins").param("kind", "monthly"));
        // only the files there are (the API's null): an Excel link of a pdf-only revision answered 404 (retester)
        String mayRow = monthlies.substring(monthlies.indexOf("/bulletins/2022-05-01_2022-05-31/monthly"), monthlies.indexOf("</tr>",
                monthlies.indexOf("/bulletins/2022-05-01_2022-05-31/monthly")));
        assertThat(mayRow).contains(">PDF</a>").doesNotContain(">Excel</a>").doesNotContain("文件不在服务器上");
        String aprilRow = monthlies.substring(monthlies.indexOf("/bulletins/2022-04-01_2022-04-30/monthly"), monthlies.indexOf("</tr>",
                monthlies.indexOf("/bulletins/2022-04-01_2022-04-30/monthly")));
        assertThat(aprilRow).doesNotContain(">PDF</a>").doesNotContain(">Excel</a>").contains("文件不在服务器上");
        assertThat(rows(monthlies)).containsExactly("2022-05-01_2022-05-31/monthly r1", "2022-04-01_2022-04-30/monthly r1",
                "2022-03-01_2022-03-31/monthly r1", "2022-02-01_2022-02-28/monthly r1", "2022-01-01_2022-01-31/monthly r1");
        assertThat(monthlies).contains("<option value=\"monthly\" selected=\"selected\">月报</option>").contains("共 5 份（各版分列）")
                // the files of each row are named for a screen reader, not 155 links called PDF
                .contains("aria-label=\"PDF（2022-05-01 至 2022-05-31 电信网络诈骗警情通报（月报） 第1版）\"");
        String may = page(get("/bulletins").param("from", "2022-05-01").param("to", "2022-05-31").param("kind", "daily"));
        assertThat(rows(may)).hasSize(31).contains("2022-05-03/daily r2", "2022-05-03/daily r1");
        // each bulletin's latest revision alone
        String latest = page(get("/bulletins").param("from", "2022-05-01").param("to", "2022-05-31").param("kind", "daily").param("latest", "1"));
        assertThat(rows(latest)).hasSize(30).contains("2022-05-03/daily r2").doesNotContain("2022-05-03/daily r1");
        assertThat(latest).contains("name=\"latest\" value=\"1\" checked=\"checked\"");
        // and says so: it said 各版分列, each revision listed, the opposite of what was chosen (r35b)
        assertThat(latest).contains("共 30 份（每份只列最新版）").doesNotContain("各版分列");
        assertThat(page(get("/bulletins").param("kind", "weekly"))).contains("没有已发布的通报。");
        // one end alone is open at the other
        assertThat(rows(page(get("/bulletins").param("from", "2022-05-29").param("kind", "daily")))).containsExactly(
                "2022-05-30/daily r1", "2022-05-29/daily r1");
        assertThat(rows(page(get("/bulletins").param("to", "2022-01-02").param("kind", "daily")))).containsExactly(
                "2022-01-02/daily r1", "2022-01-01/daily r1");
        MockHttpServletResponse bad = as(get("/bulletins").param("kind", "yearly"));
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("类别 yearly 不可用：请选日报、周报、月报或区间");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'list-bulletins' AND object = 'all monthly'",
                Integer.class)).isOne();
    }

    @Test
    void theStartPageIsTheNewestDailysLatestRevision() throws Exception {
        assertThat(page(get("/bulletins/latest"))).contains("2022-05-30");
        jdbc.update("INSERT INTO bulletin_revision (kind, date_from, date_to, revision, figures, changes, generated_at, last_load_seen) "
                + "VALUES ('daily', '2022-05-30', '2022-05-30', 2, '{}', '[]', '2022-06-01 07:00+08', 0)");
        try {
            assertThat(page(get("/bulletins/latest"))).contains("第2版");
        } finally {
            jdbc.update("DELETE FROM bulletin_revision WHERE date_from = '2022-05-30' AND revision = 2");
        }
    }

    private static java.util.List<String> rows(String page) {
        return ROW.matcher(page).results().map(m -> m.group(1) + "/" + m.group(2) + " r" + m.group(3)).toList();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = as(request);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse as(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user("test-leader").roles("LEADER"))).andReturn().getResponse();
    }
}
