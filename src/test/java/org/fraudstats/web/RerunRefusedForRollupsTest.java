package org.fraudstats.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.fraudstats.support.Drops;
import org.fraudstats.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A rerun asked over the API while a rollup differs from the facts is refused as what it is: a 409 that stays until
 * the rollups are repaired, recorded with why. It was a 503 with Retry-After 30, which a script obeys every 30 s,
 * each time checking the rollups and writing two audit rows saying only "failure" (review 29b).
 */
class RerunRefusedForRollupsTest extends PortalTest {

    @TempDir
    Path inbox;

    @Test
    void aRerunRefusedForRollupsIsA409WithNoRetryAndTheAuditSaysWhy() throws Exception {
        new Drops(inbox).write("2022-10-01", "cases.csv", Drops.CASES + "C1,2022-10-01T09:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString()).exitCode()).isZero();
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
        jdbc.update("UPDATE case_day SET cases = cases + 1 WHERE business_day = DATE '2022-10-01'");
        try {
            MockHttpServletResponse refused = mvc.perform(post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"from\": \"2022-10-01\", \"to\": \"2022-10-01\", \"formats\": [\"pdf\"]}")
                    .with(user("test-statistician").roles("STATISTICIAN")).with(csrf())).andReturn().getResponse();

            assertThat(refused.getStatus()).isEqualTo(409);
            assertThat(refused.getHeader("Retry-After")).isNull();
            assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("{\n  \"error\": \"rerun 2022-10-01..2022-10-01 refused: "
                    + "1 rollup rows differ from the facts, the first: case_day 2022-10-01 440604 OTHER: rollup [2 cases, loss 100.00], "
                    + "facts [1 cases, loss 100.00]; nothing was rendered: fraudstats verify --from 2022-10-01 --to 2022-10-01 lists them, "
                    + "and with --repair mends them\"\n}\n");
            assertThat(jdbc.queryForList("SELECT concat_ws('|', action, object, result) FROM audit_event WHERE id > ? AND action = 'rerun' "
                    + "ORDER BY id", String.class, before)).containsExactly("rerun|2022-10-01..2022-10-01|requested",
                    "rerun|2022-10-01..2022-10-01|refused: rollups differ from the facts");

            // the runs page says it in the statistician's words, and who mends it with what
            String page = mvc.perform(post("/runs/start").param("from", "2022-10-01").param("to", "2022-10-01")
                    .with(user("test-statistician").roles("STATISTICIAN")).with(csrf())).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("重算 2022-10-01 至 2022-10-01 被拒绝：日汇总与明细数据不一致（共 1 行，第一行：case_day 2022-10-01 "
                    + "440604 OTHER: rollup [2 cases, loss 100.00], facts [1 cases, loss 100.00]），未生成任何通报。请运维人员先运行 "
                    + "fraudstats verify --from 2022-10-01 --to 2022-10-01 --repair 修复，再重算。");
        } finally {
            jdbc.update("UPDATE case_day SET cases = cases - 1 WHERE business_day = DATE '2022-10-01'");
        }
    }
}
