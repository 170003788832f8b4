package org.fraudstats.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.fraudstats.support.Drops;
import org.fraudstats.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * An amount loaded before money's 10-digit bound, most likely a card number (review 30), is listed as money by no page
 * and no API: /figures and /api/v1/metrics answer 409 with verify's masked line, and the refusal is audited (review 31c,
 * 31d).
 */
class OutsizedAmountsTest extends PortalTest {

    @TempDir
    Path inbox;

    @Test
    void noPageNorApiListsFiguresOverAnAmountLikeACardNumber() throws Exception {
        String card = "6222" + "0200" + "1234" + "5678";
        new Drops(inbox).write("2022-03-01", "cases.csv", Drops.CASES + "OZ1,2022-03-01T10:00:00+08:00,440604,,OTHER,100.00,\n");
        assertThat(cli("ingest", "--inbox", inbox.toString()).exitCode()).isZero();
        // its daily published before (the bulletin would be refused now), as after an upgrade
        assertThat(cli("rerun", "--from", "2022-03-01", "--to", "2022-03-01", "--out", inbox.resolve("out").toString()).exitCode()).isZero();
        // loaded before the bound (put there by hand here)
        int executionsBefore = jdbc.queryForObject("SELECT count(*) FROM batch_job_execution", Integer.class);
        jdbc.update("UPDATE fact_case SET loss_amount = CAST(? AS numeric) WHERE case_id = 'OZ1'", card);

        assertThat(refused("STATISTICIAN", get("/api/v1/metrics").param("from", "2022-03-01").param("to", "2022-03-01"))).contains("1 amount of 10 billion yuan or more in 2022-03-01..2022-03-01, "
                + "the first: cases.csv record OZ1 on 2022-03-01").contains("no figure was listed").doesNotContain(card);
        assertThat(refused("LEADER", get("/figures").param("from", "2022-02-01").param("to", "2022-03-31"))).contains("2022-02-01 至 2022-03-31 有 1 笔金额在 100 亿元以上"
                + "（第一笔：cases.csv 记录 OZ1，2022-03-01），可能是账号误填入了金额栏").doesNotContain(card).doesNotContain("6,222");
        // the page's default period ends on the latest daily: refused the same, not a 500 (review 31e)
        assertThat(refused("LEADER", get("/figures"))).contains("2022-03-01 至 2022-03-01 有 1 笔金额在 100 亿元以上");
        // (the press office's landing period begins on 1 January, before these records: said so, as ever)
        assertThat(refused("PRESS", get("/headline").param("from", "2022-03-01").param("to", "2022-03-01"))).contains("该时段的数据中有 100 亿元以上的金额（可能是账号误填入了金额栏），"
                + "暂不提供新闻口径").doesNotContain("OZ1").doesNotContain(card);
        assertThat(refused("PRESS", get("/api/v1/headlines").param("from", "2022-03-01").param("to", "2022-03-01"))).contains("no sentence was made").doesNotContain(card);
        assertThat(jdbc.queryForList("SELECT action || ' ' || object || ' ' || result FROM audit_event WHERE action = 'read-headline' ORDER BY id",
                String.class)).containsExactly("read-headline 2022-03-01..2022-03-01 440600 handling refused: an amount of 10 billion yuan or more",
                "read-headline 2022-03-01..2022-03-01 440600 handling refused: an amount of 10 billion yuan or more");
        // a comparison whose base holds it is refused too: March 2023 against March 2022
        assertThat(as("LEADER", get("/api/v1/metrics").param("from", "2023-03-01").param("to", "2023-03-01").param("compare", "yoy"))
                .getStatus()).isEqualTo(409);
        assertThat(as("LEADER", get("/api/v1/metrics").param("from", "2022-03-02").param("to", "2022-03-02")).getStatus()).isEqualTo(200);
        assertThat(jdbc.queryForList("SELECT result FROM audit_event WHERE action = 'read-figures' AND object LIKE '2022-0%' OR action = 'read-figures' AND object LIKE '2023-0%' ORDER BY id",
                String.class)).containsExactly("refused: an amount of 10 billion yuan or more", "refused: an amount of 10 billion yuan or more",
                "refused: an amount of 10 billion yuan or more", "refused: an amount of 10 billion yuan or more", "success");
        assertThat(org.fraudstats.audit.AuditWords.result("refused: an amount of 10 billion yuan or more"))
                .isEqualTo("拒绝：数据中有 100 亿元以上的金额（可能是账号误填入金额栏）");

        // a rerun whose bulletins read it (the 2nd's year to date) is refused before it starts, its dry run too: the
        // plan listed the bulletins it would publish, and the rerun then failed on its first day (review 31d)
        assertThat(refused("STATISTICIAN", post("/api/v1/reruns").contentType("application/json")
                .content("{\"from\":\"2022-03-02\",\"to\":\"2022-03-03\",\"dry_run\":true}")))
                .contains("1 amount of 10 billion yuan or more in 2022-01-01..2022-03-03").contains("no bulletin was rendered").doesNotContain(card);
        assertThat(refused("STATISTICIAN", post("/api/v1/reruns").contentType("application/json")
                .content("{\"from\":\"2022-03-02\",\"to\":\"2022-03-03\"}"))).contains("cases.csv record OZ1 on 2022-03-01");
        assertThat(refused("STATISTICIAN", post("/runs/plan").param("from", "2022-03-05").param("to", "2022-03-05").with(csrf())))
                .contains("重新生成会被拒绝：2022-01-01 至 2022-03-05 有 1 笔金额在 100 亿元以上").doesNotContain(card);
        assertThat(refused("STATISTICIAN", post("/runs/start").param("from", "2022-03-05").param("to", "2022-03-05").with(csrf())))
                .contains("重新生成被拒绝：");
        // the first days that read no day of 2022 (the new year's, with 2023's as their base) plan as ever
        assertThat(as("STATISTICIAN", post("/api/v1/reruns").contentType("application/json")
                .content("{\"from\":\"2024-01-01\",\"to\":\"2024-01-01\",\"dry_run\":true}")).getStatus()).isEqualTo(200);
        assertThat(jdbc.queryForList("SELECT action || ' ' || object || ' ' || result FROM audit_event WHERE action LIKE 'rerun%' ORDER BY id",
                String.class)).containsExactly(
                "rerun-dry-run 2022-03-02..2022-03-03 refused: an amount of 10 billion yuan or more",
                "rerun 2022-03-02..2022-03-03 refused: an amount of 10 billion yuan or more",
                "rerun-dry-run 2022-03-05..2022-03-05 refused: an amount of 10 billion yuan or more",
                "rerun 2022-03-05..2022-03-05 refused: an amount of 10 billion yuan or more",
                "rerun-dry-run 2024-01-01..2024-01-01 success");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM batch_job_execution", Integer.class)).isEqualTo(executionsBefore);

        // the command line's rerun fails on its first day (BulletinPublisher); restarted from the page or the API it
        // is refused before it starts, not started to fail again (review 32c)
        assertThat(cli("rerun", "--from", "2022-03-02", "--to", "2022-03-02", "--out", inbox.resolve("out").toString()).exitCode()).isOne();
        long failed = jdbc.queryForObject("SELECT max(job_execution_id) FROM batch_job_execution WHERE status = 'FAILED'", Long.class);
        int executions = jdbc.queryForObject("SELECT count(*) FROM batch_job_execution", Integer.class);
        assertThat(refused("STATISTICIAN", post("/api/v1/reruns/" + failed + "/restart"))).contains("cases.csv record OZ1 on 2022-03-01")
                .contains("no bulletin was rendered");
        var page = mvc.perform(post("/runs/" + failed + "/restart").with(user("outsized.statistician").roles("STATISTICIAN")).with(csrf()))
                .andReturn();
        assertThat(String.valueOf(page.getFlashMap().get("error"))).startsWith("重新开始被拒绝：2022-01-01 至 2022-03-02 有 1 笔金额在 100 亿元以上");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM batch_job_execution", Integer.class)).isEqualTo(executions);
        assertThat(jdbc.queryForList("SELECT result FROM audit_event WHERE action = 'rerun-restart' ORDER BY id", String.class))
                .containsExactly("refused: an amount of 10 billion yuan or more", "refused: an amount of 10 billion yuan or more");
    }

    /** The answer's text, once its status is 409. */
    private String refused(String role, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = as(role, request);
        assertThat(response.getStatus()).isEqualTo(409);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse as(String role, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.with(user("outsized." + role.toLowerCase()).roles(role))).andReturn().getResponse();
    }
}
