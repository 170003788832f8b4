package org.fraudstats.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;

import org.fraudstats.support.Drops;
import org.fraudstats.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;

/**
 * The portal of a deployment that says its records start on 24 October 2022 (fraudstats.records-start), with stray
 * records of earlier days loaded: 统计数据 counts them as metrics does and says the bulletins do not (it said "数字只含
 * 该日以后的数据" above a base holding 974 earlier cases), and a refusal names the setting (tester).
 */
@TestPropertySource(properties = "fraudstats.records-start=2022-10-24")
class RecordsStartPagesTest extends PortalTest {

    @TempDir
    java.nio.file.Path inbox;

    @Test
    void thePagesSayTheStartTheDeploymentSays() throws Exception {
        forgetEverything();
        new Drops(inbox).write("2022-10-24", "cases.csv", Drops.CASES + "S1,2022-10-20T09:00:00+08:00,440604,,OTHER,100.00,\n"
                + "C1,2022-10-24T09:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString()).exitCode()).isZero();

        MockHttpServletResponse figures = mvc.perform(get("/figures").param("from", "2022-10-20").param("to", "2022-10-26")
                .with(user("test-leader").roles("LEADER"))).andReturn().getResponse();
        assertThat(figures.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"before-records\">无记录：最早记录为 2022-10-24，"
                + "本期中此前的日期没有记录，本页数字计入已载入的此前数据（通报不计入）（显示为 0 不代表没有警情）。</p>");

        MockHttpServletResponse headline = mvc.perform(get("/api/v1/headlines").param("from", "2022-10-20").param("to", "2022-10-24")
                .with(user("test-press").roles("PRESS"))).andReturn().getResponse();
        // no bulletin published yet: refused for that first, so publish the day and ask again
        assertThat(headline.getStatus()).isEqualTo(409);
        assertThat(cli("rerun", "--from", "2022-10-24", "--to", "2022-10-24").exitCode()).isZero();
        MockHttpServletResponse refused = mvc.perform(get("/api/v1/headlines").param("from", "2022-10-20").param("to", "2022-10-24")
                .with(user("test-press").roles("PRESS"))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("no data before 2022-10-24 (the records start on "
                + "2022-10-24, fraudstats.records-start)");
    }
}
