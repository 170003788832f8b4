package org.fraudstats.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import org.fraudstats.schedule.ScheduledRuns;
import org.fraudstats.storage.FraudstatsHome;
import org.fraudstats.storage.RunLock;
import org.fraudstats.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * /api/v1 with real values: the sample drops loaded, the daily bulletins of 22 to 24 October 2022 published, then
 * every endpoint compared with what the command line prints for the same options, byte for byte where web.md says
 * "exactly".
 */
class PortalApiTest extends PortalTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static boolean loaded;

    @BeforeEach
    void sampleLoadedAndThreeBulletinsPublished() {
        synchronized (PortalApiTest.class) {
            if (!loaded) {
                assertThat(cli("ingest", "--inbox", SAMPLE_INBOX.toString()).exitCode()).isZero();
                assertThat(cli("rerun", "--from", "2022-10-22", "--to", "2022-10-24").exitCode()).isZero();
                loaded = true;
            }
        }
    }

    @Test
    void metricsAreByteForByteWhatTheCommandPrints() throws Exception {
        String[][] options = {
                {"--from", "2022-10-01", "--to", "2022-10-24"},
                {"--from", "2022-10-01", "--to", "2022-10-24", "--by", "day", "--district", "440604"},
                {"--from", "2022-10-01", "--to", "2022-10-24", "--compare", "yoy"},
                {"--from", "2022-10-13", "--to", "2022-10-24", "--compare", "pop", "--district", "440600"},
        };
        for (String[] o : options) {
            String[] args = new String[o.length + 3];
            args[0] = "metrics";
            System.arraycopy(o, 0, args, 1, o.length);
            args[o.length + 1] = "--format";
            args[o.length + 2] = "json";
            Run cli = cli(args);
            assertThat(cli.exitCode()).isZero();
            MockHttpServletRequestBuilder request = get("/api/v1/metrics");
            for (int i = 0; i < o.length; i += 2) {
                request = request.param(o[i].substring(2), o[i + 1]);
            }
            MockHttpServletResponse api = as("leader", request);
            assertThat(api.getStatus()).isEqualTo(200);
            assertThat(api.getContentType()).isEqualTo("application/json;charset=UTF-8");
            assertThat(api.getContentAsByteArray()).isEqualTo(cli.out().getBytes(StandardCharsets.UTF_8));
        }
        // one real figure, so that equal output is not equally empty
        JsonNode city = JSON.readTree(as("statistician", get("/api/v1/metrics").param("from", "2022-01-01").param("to", "2022-10-24")
                .param("district", "440600")).getContentAsString()).get(0);
        assertThat(city.get("cases").asLong()).isEqualTo(343);
        assertThat(city.get("stop_amount").asString()).isEqualTo("8059792.06");
    }

    @Test
    void theHeadlineIsTheCommandsPlusTheBulletinItRestsOn() throws Exception {
        Run cli = cli("headline", "--from", "2022-01-01", "--to", "2022-10-24", "--format", "json");
        MockHttpServletResponse api = as("press", get("/api/v1/headlines").param("from", "2022-01-01").param("to", "2022-10-24"));
        assertThat(api.getStatus()).isEqualTo(200);
        String body = api.getContentAsString(StandardCharsets.UTF_8);
        ObjectNode json = (ObjectNode) JSON.readTree(body);
        JsonNode bulletin = json.remove("bulletin");
        assertThat(json).isEqualTo(JSON.readTree(cli.out()));
        assertThat(bulletin.get("date").asString()).isEqualTo("2022-10-24");
        assertThat(bulletin.get("revision").asInt()).isEqualTo(1);
        assertThat(bulletin.get("published_at").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00");
        // the command's text, then the bulletin before the closing brace
        assertThat(body).startsWith(cli.out().substring(0, cli.out().lastIndexOf("\n}")));
        assertThat(json.at("/text").asString()).isEqualTo("2022年以来，全市共处置电诈警情343宗，快速止付涉诈银行账户187个，止付资金800多万元，"
                + "办理资金返还案件7宗，返还资金110多万元。");

        String etag = api.getHeader("ETag");
        assertThat(etag).isEqualTo("\"" + sha256(api.getContentAsByteArray()) + "\"");
        MockHttpServletResponse again = as("press", get("/api/v1/headlines").param("from", "2022-01-01").param("to", "2022-10-24")
                .header("If-None-Match", etag));
        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getContentAsByteArray()).isEmpty();

        Run prevention = cli("headline", "--from", "2022-10-01", "--to", "2022-10-23", "--district", "440604",
                "--topic", "prevention", "--lang", "en", "--format", "json");
        ObjectNode preventionJson = (ObjectNode) JSON.readTree(as("leader", get("/api/v1/headlines").param("from", "2022-10-01")
                .param("to", "2022-10-23").param("district", "440604").param("topic", "prevention").param("lang", "en")).getContentAsString());
        assertThat(preventionJson.remove("bulletin").get("date").asString()).isIn("2022-10-23", "2022-10-24");
        assertThat(preventionJson).isEqualTo(JSON.readTree(prevention.out()));
    }

    @Test
    void noHeadlineBeforeTheBulletinOfItsLastDayIsPublished() throws Exception {
        MockHttpServletResponse api = as("press", get("/api/v1/headlines").param("from", "2022-10-01").param("to", "2022-10-25"));
        assertThat(api.getStatus()).isEqualTo(409);
        assertThat(JSON.readTree(api.getContentAsString()).get("error").asString())
                .isEqualTo("no daily bulletin of 2022-10-25 or later has been published yet: the headline quotes published figures only");
    }

    @Test
    void bulletinsAreListedNewestFirstAndServedByteForByte() throws Exception {
        // other tests of the class render 1-20 October 2022: this one reads the 21st on, the newest of all, and a day
        // of 2021 that no test renders
        assertThat(JSON.readTree(as("leader", get("/api/v1/bulletins")).getContentAsString()).get(0).get("date").asString())
                .isEqualTo("2022-10-24");
        JsonNode list = JSON.readTree(as("leader", get("/api/v1/bulletins").param("from", "2022-10-21").param("to", "2022-10-31"))
                .getContentAsString());
        assertThat(list.size()).isEqualTo(3);
        JsonNode newest = list.get(0);
        assertThat(newest.get("date").asString()).isEqualTo("2022-10-24");
        assertThat(newest.get("kind").asString()).isEqualTo("daily");
        assertThat(newest.get("revision").asInt()).isEqualTo(1);
        assertThat(newest.get("pdf").asString()).isEqualTo("/api/v1/bulletins/2022-10-24/daily.pdf?revision=1");
        assertThat(newest.get("xlsx").asString()).isEqualTo("/api/v1/bulletins/2022-10-24/daily.xlsx?revision=1");
        assertThat(newest.get("changes").isArray()).isTrue();
        assertThat(newest.get("changes").size()).isZero();
        // beyond web.md: the period as dates, and what the archive page marks (r33a)
        assertThat(newest.get("from").asString()).isEqualTo("2022-10-24");
        assertThat(newest.get("to").asString()).isEqualTo("2022-10-24");
        assertThat(newest.get("not_arrived").isNull()).isTrue();
        assertThat(newest.get("outdated").asBoolean()).isFalse();
        assertThat(list.get(1).get("date").asString()).isEqualTo("2022-10-23");
        assertThat(list.get(2).get("date").asString()).isEqualTo("2022-10-22");
        JsonNode one = JSON.readTree(as("leader", get("/api/v1/bulletins").param("from", "2022-10-23").param("to", "2022-10-23")).getContentAsString());
        assertThat(one.size()).isEqualTo(1);

        Path file = context.getBean(FraudstatsHome.class).defaultOut().resolve("daily/2022-10-24/fraudstats-daily-2022-10-24.pdf");
        MockHttpServletResponse pdf = as("statistician", get("/api/v1/bulletins/2022-10-24/daily.pdf"));
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getContentAsByteArray()).isEqualTo(Files.readAllBytes(file));
        assertThat(pdf.getHeader("ETag")).isEqualTo("\"" + sha256(Files.readAllBytes(file)) + "\"");
        assertThat(pdf.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(as("statistician", get("/api/v1/bulletins/2022-10-24/daily.pdf").param("revision", "1")
                .header("If-None-Match", pdf.getHeader("ETag"))).getStatus()).isEqualTo(304);
        MockHttpServletResponse xlsx = as("leader", get("/api/v1/bulletins/2022-10-23/daily.xlsx").param("revision", "1"));
        assertThat(xlsx.getContentAsByteArray()).isEqualTo(Files.readAllBytes(file.getParent().getParent()
                .resolve("2022-10-23/fraudstats-daily-2022-10-23.xlsx")));
        assertThat(as("leader", get("/api/v1/bulletins/2022-10-24/daily.pdf").param("revision", "2")).getStatus()).isEqualTo(404);
        assertThat(as("leader", get("/api/v1/bulletins/2021-10-05/daily.pdf")).getStatus()).isEqualTo(404);
        // named as what it is: curl -OJ saved it as "f.txt", Spring MVC's name for an answer to a path ending .pdf (r33a)
        var missing = as("leader", get("/api/v1/bulletins/2021-10-05/daily.xlsx"));
        assertThat(missing.getHeader("Content-Disposition")).isEqualTo("inline; filename=\"error.json\"");
        assertThat(missing.getContentType()).startsWith("application/json");
        assertThat(as("leader", get("/api/v1/bulletins/2021-10-05/daily.PDF")).getHeader("Content-Disposition"))
                .isEqualTo("inline; filename=\"error.json\"");
    }

    @Test
    void badInputIsA400WithOneLine() throws Exception {
        assertError(as("leader", get("/api/v1/metrics").param("from", "2022-02-30").param("to", "2022-03-01")),
                "from: '2022-02-30' is not a date (an ISO date, e.g. 2022-10-23)");
        assertError(as("leader", get("/api/v1/metrics").param("from", "2022-10-02").param("to", "2022-10-01")),
                "from 2022-10-02 is after to 2022-10-01");
        assertError(as("leader", get("/api/v1/metrics").param("from", "2022-10-01").param("to", "2022-10-01").param("district", "999999")),
                "district 999999: unknown district (known: 440604, 440605, 440606, 440607, 440608, 440600)");
        // an empty parameter is a script's unset variable: every area's rows would be read as one area's
        assertError(as("leader", get("/api/v1/metrics").param("from", "2022-10-01").param("to", "2022-10-01").param("district", "")),
                "district is empty (leave it out for every area)");
        assertError(as("leader", get("/api/v1/metrics").param("from", "2022-10-01").param("to", "2022-10-01").param("compare", "")),
                "compare is empty (leave it out for none)");
        // without it a headline is the city's (review 30: it said "every area")
        assertError(as("press", get("/api/v1/headlines").param("from", "2022-10-01").param("to", "2022-10-01").param("district", "")),
                "district is empty (leave it out for the city)");
        assertError(as("leader", get("/api/v1/metrics").param("from", "20221001").param("to", "2022-10-01")),
                "from: '20221001' is not a date (an ISO date: 2022-10-01)");
        // a signed year or year 0 answered 200 with a period of nothing (tester api29)
        assertError(as("leader", get("/api/v1/metrics").param("from", "-0001-01-01").param("to", "2022-10-01")),
                "from: '-0001-01-01' is not a date (an ISO date, e.g. 2022-10-23)");
        assertError(as("leader", get("/api/v1/metrics").param("from", "2022-10-01").param("to", "0000-01-02")),
                "to: '0000-01-02' is not a date (an ISO date, e.g. 2022-10-23)");
        // a parameter given twice, a '+' read as a space: said as such, not as an odd value with '?' in it
        assertError(as("leader", get("/api/v1/metrics").param("from", "2022-10-01", "2022-10-02").param("to", "2022-10-03")),
                "parameter 'from' given 2 times: give it once");
        assertError(as("leader", get("/api/v1/metrics").param("from", "2022-10-01,2022-10-02").param("to", "2022-10-03")),
                "from is given more than once (or holds a comma): one ISO date, e.g. 2022-10-23");
        assertError(as("leader", get("/api/v1/metrics").param("from", " 2022-10-01").param("to", "2022-10-03")),
                "from: '2022-10-01' has a space (or a '+') around it");
        assertError(as("leader", get("/api/v1/metrics").param("from", "2000-01-01").param("to", "2022-10-01")),
                "from 2000-01-01 to 2022-10-01 is longer than 10 years");
        assertError(as("leader", get("/api/v1/metrics").param("to", "2022-10-01")), "from is missing (an ISO date, e.g. 2022-10-23)");
        assertError(as("leader", get("/api/v1/headlines").param("from", "2022-10-01").param("to", "2022-10-01").param("topic", "x")),
                "topic: 'x' is not handling or prevention");
        // Spring Security's firewall refuses an encoded slash before any controller (the real server's body: PortalServerTest)
        assertThat(as("leader", get("/api/v1/bulletins/2022-10-24/..%2f..%2fpasswd")).getStatus()).isEqualTo(400);
        assertError(as("leader", get("/api/v1/bulletins/2022-10-24/..passwd")), "'..passwd' is not a bulletin file (daily|weekly|monthly|range followed by .pdf or .xlsx)");
        assertError(as("leader", get("/api/v1/bulletins/2022-10-24/daily.exe")), null);
        assertError(as("leader", get("/api/v1/bulletins/2022-13-01/daily.pdf")), null);
        // a date without its dashes is shown with its ISO form, not as '…' (tester B)
        assertError(as("leader", get("/api/v1/bulletins/20221024/daily.pdf")), "'20221024' is not a bulletin's date (an ISO date: 2022-10-24)");
        // a daily is named by its day, not by a period of one day (r39d: served under a second address)
        assertError(as("leader", get("/api/v1/bulletins/2022-10-24_2022-10-24/daily.pdf")),
                "a daily bulletin is named by its day (2022-10-24), not by a period");
        assertError(as("leader", get("/api/v1/bulletins/20221001_20221031/monthly.pdf")),
                "not a bulletin's period: its dates are written with dashes, 2022-10-01_2022-10-31");
        assertError(as("statistician", post("/api/v1/reruns").contentType(MediaType.TEXT_PLAIN).content("from=2022-10-01")),
                "the body must be JSON (Content-Type: application/json), not text/plain");
        // a parameter's name with a control character is refused by the firewall as it is read: 400, no trace (tester)
        assertError(as("statistician", get("/api/v1/metrics").param("from", "2022-10-01").param("to", "2022-10-24").param("\u0000", "1")),
                "a parameter's name holds a control character");
        // given twice: said so, not read as one value "440604,440605" of an unknown district (tester)
        assertError(as("statistician", get("/api/v1/metrics").param("from", "2022-10-01").param("to", "2022-10-24")
                .param("district", "440604", "440605")), "parameter 'district' given 2 times: give it once");
        // an empty filter of the audit log is refused, as district= is (tester: object= listed every event)
        assertError(as("auditor", get("/api/v1/audit").param("object", "")), "object is empty (leave it out for every event)");
        // a key given twice is no dry run that becomes a real one (tester)
        assertThat(errorOf(as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON).content(
                "{\"from\": \"2022-10-01\", \"to\": \"2022-10-02\", \"dry_run\": true, \"dry_run\": false}"))))
                .startsWith("the body is not JSON: Duplicate Object property \"dry_run\"");
        // curl -d without its header sends a form: said to be no JSON, not an unknown parameter named after the body
        assertError(as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("{\"from\": \"2022-10-01\", \"to\": \"2022-10-02\"}")),
                "the body must be JSON (Content-Type: application/json), not application/x-www-form-urlencoded");
        assertError(as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON).content("{\"from\": \"2022-10-01\", "
                + "\"to\": \"2022-10-02\", \"pad\": \"" + "x".repeat(5000) + "\"}")), "the body is larger than 4096 bytes");
        assertError(as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON).content("{\"from\": ")), null);
        // said where, without the parser's description of its source (REDACTED, a feature's name, #UNKNOWN: MLPS tester)
        assertError(as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON).content("{\"from\":\"2022-10-01\"")),
                "the body is not JSON: Unexpected end-of-input: expected close marker for Object (line 1, column 21)");
        // nor the library's class and setting names (r39d)
        assertThat(errorOf(as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\": \"2022-10-01\", \"to\": \"2022-10-02\", \"dry_run\": true} {}"))))
                .startsWith("the body is not JSON: more follows the JSON object").doesNotContain("`").doesNotContain("jackson");
        assertThat(errorOf(as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\": \"2022-10-01\", \"to\": \"2022-10-02\", \"dry_run\": NaN}"))))
                .startsWith("the body is not JSON: ").contains("NaN").contains("not a JSON value").doesNotContain("`").doesNotContain("Feature");
        assertError(as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\": \"2022-10-01\", \"to\": \"2022-10-02\", \"formats\": [\"doc\"]}")), "formats: 'doc' is not pdf or xlsx");
        assertError(as("statistician", get("/api/v1/reruns/abc")), "'abc' is not a rerun id (the id POST /api/v1/reruns answered)");
        assertError(as("statistician", get("/api/v1/runs").param("limit", "0")), "limit: '0' is not a number from 1 to 1000");
        assertError(as("statistician", get("/api/v1/runs").param("before", "12abc")), "before: '12abc' is not a job execution id");
    }

    /**
     * What kill -9 of serve leaves of a rerun it ran: its execution and steps marked STARTED, nobody to finish them. Looked
     * at, or at serve's next start, it is FAILED with a message and restartable: it stayed STARTED with no message, and a
     * script polling for its end waited forever (r39b).
     */
    @Test
    void aRerunWhoseProcessDiedIsFailedWhenLookedAtOrWhenServeStarts() throws Exception {
        assertThat(cli("rerun", "--from", "2022-10-05", "--to", "2022-10-05").exitCode()).isZero();
        long looked = killed();
        JsonNode state = JSON.readTree(as("statistician", get("/api/v1/reruns/" + looked)).getContentAsString());
        assertThat(state.get("status").asString()).isEqualTo("FAILED");
        assertThat(state.get("message").asString()).startsWith("ended without finishing (its process stopped before it did)");
        assertThat(state.get("ended_at").isNull()).isFalse();

        // the listings say it too, before anyone opens the rerun (r39f: a killed command-line rerun said STARTED there)
        assertThat(cli("rerun", "--from", "2022-10-05", "--to", "2022-10-05").exitCode()).isZero();
        long listed = killed();
        assertThat(JSON.readTree(as("statistician", get("/api/v1/runs").param("limit", "1")).getContentAsString()).get(0).get("status")
                .asString()).isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("SELECT status FROM batch_job_execution WHERE job_execution_id = ?", String.class, listed))
                .isEqualTo("FAILED");
        assertThat(cli("rerun", "--from", "2022-10-05", "--to", "2022-10-05").exitCode()).isZero();
        long inHistory = killed();
        assertThat(cli("history", "--limit", "1").out()).containsPattern("\\n" + inHistory + " +rerunBulletins +FAILED ");

        assertThat(cli("rerun", "--from", "2022-10-05", "--to", "2022-10-05").exitCode()).isZero();
        long atStart = killed();
        context.getBean(org.fraudstats.web.portal.Reruns.class).settleDeadReruns();
        assertThat(jdbc.queryForObject("SELECT status FROM batch_job_execution WHERE job_execution_id = ?", String.class, atStart))
                .isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM batch_step_execution WHERE job_execution_id = ? AND status = 'STARTED'",
                Integer.class, atStart)).isZero();
        // each ended in the auditor's log too, once, where only its start was (r44b)
        for (long dead : new long[] {looked, listed, inHistory, atStart}) {
            assertThat(jdbc.queryForList("SELECT concat_ws('|', user_name, action, result) FROM audit_event WHERE object = ?",
                    String.class, "2022-10-05..2022-10-05 (job execution " + dead + ")")).containsExactly(
                            "|rerun|failure: ended without finishing (its process died); marked failed, restartable");
        }
        MockHttpServletResponse restarted = as("statistician", post("/api/v1/reruns/" + atStart + "/restart"));
        assertThat(restarted.getStatus()).as(restarted.getContentAsString()).isEqualTo(202);
        String restart = "/api/v1/reruns/" + JSON.readTree(restarted.getContentAsString()).get("id").asLong();
        String status = "STARTING";
        for (int i = 0; i < 600 && (status.startsWith("START") || status.equals("STOPPING")); i++) {
            Thread.sleep(100);
            status = JSON.readTree(as("statistician", get(restart)).getContentAsString()).get("status").asString();
        }
        assertThat(status).isEqualTo("COMPLETED");

        // one running, its days held (as a live rerun holds them), is left alone
        assertThat(cli("rerun", "--from", "2022-10-05", "--to", "2022-10-05").exitCode()).isZero();
        long running = killed();
        try (var held = context.getBean(org.fraudstats.storage.RunLock.class).days("test", java.time.LocalDate.parse("2022-10-05"),
                java.time.LocalDate.parse("2022-10-05"))) {
            assertThat(JSON.readTree(as("statistician", get("/api/v1/reruns/" + running)).getContentAsString()).get("status").asString())
                    .isEqualTo("STARTED");
        }
        assertThat(JSON.readTree(as("statistician", get("/api/v1/reruns/" + running)).getContentAsString()).get("status").asString())
                .isEqualTo("FAILED");
    }

    /** The latest execution marked as a killed process leaves it: running, with its steps, and no end. */
    private long killed() {
        long id = jdbc.queryForObject("SELECT max(job_execution_id) FROM batch_job_execution", Long.class);
        jdbc.update("UPDATE batch_job_execution SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL WHERE job_execution_id = ?", id);
        jdbc.update("UPDATE batch_step_execution SET status = 'STARTED', exit_code = 'EXECUTING', end_time = NULL WHERE job_execution_id = ?", id);
        return id;
    }

    /**
     * A night waiting for its drop, ended without it or failed before any job ran makes no Batch execution: a script
     * reads the schedules' own record, as /runs shows it (review 29: nothing in /api/v1 did).
     */
    @Test
    void aScriptSeesWhatTheSchedulesRanAndWhyANightFailed() throws Exception {
        jdbc.update("DELETE FROM schedule_run WHERE business_day >= '2031-01-01'");
        jdbc.update("INSERT INTO schedule_run (schedule, business_day, status, started_at, finished_at, instance, detail) VALUES "
                + "('nightly', '2031-01-02', 'FAILED', '2031-01-03T01:30:00+08:00', '2031-01-03T01:30:04+08:00', 'node', "
                + "'drop 2031-01-02 not loaded: cases.csv: required column ''loss_amount'' missing from the header'), "
                + "('nightly', '2031-01-03', 'WAITING', '2031-01-04T01:30:00+08:00', NULL, 'node', "
                + "'drop not in /srv/inbox; looking again in PT15M, deadline 2031-01-04T07:30+08:00'), "
                + "('weekly', '2031-01-06', 'DONE', '2031-01-13T02:30:00+08:00', '2031-01-13T02:30:09+08:00', 'node', NULL)");
        try {
            JsonNode periods = JSON.readTree(as("statistician", get("/api/v1/schedule").param("limit", "3")).getContentAsString());
            assertThat(periods).hasSize(3);
            assertThat(periods.get(0).toString()).isEqualTo("{\"schedule\":\"weekly\",\"from\":\"2031-01-06\",\"to\":\"2031-01-12\","
                    + "\"status\":\"DONE\",\"started_at\":\"2031-01-13T02:30:00+08:00\",\"finished_at\":\"2031-01-13T02:30:09+08:00\","
                    + "\"detail\":null,\"retried\":false,\"done_by_hand\":false,\"completed_since\":false}");
            assertThat(periods.get(1).get("status").asString()).isEqualTo("WAITING");
            assertThat(periods.get(1).get("finished_at").isNull()).isTrue();
            assertThat(periods.get(2).toString()).isEqualTo("{\"schedule\":\"nightly\",\"from\":\"2031-01-02\",\"to\":\"2031-01-02\","
                    + "\"status\":\"FAILED\",\"started_at\":\"2031-01-03T01:30:00+08:00\",\"finished_at\":\"2031-01-03T01:30:04+08:00\","
                    + "\"detail\":\"drop 2031-01-02 not loaded: cases.csv: required column 'loss_amount' missing from the header\","
                    // tried again by itself: a night of the last week, as the clock sees days in 2031 (the page says 自动重试中)
                    + "\"retried\":true,\"done_by_hand\":false,\"completed_since\":false}");
            assertError(as("statistician", get("/api/v1/schedule").param("limit", "0")), "limit: '0' is not a number from 1 to 1000");
        } finally {
            jdbc.update("DELETE FROM schedule_run WHERE business_day >= '2031-01-01'");
        }
    }

    /**
     * A week whose range bulletin failed (a rollup differing from the facts) is not tried again by its schedule: the
     * page says what renders it, and once a `rerun --range` has published it, that it was done by hand (closing note
     * 29: it stayed 失败 after the repair, with nothing saying what to do next).
     */
    @Test
    void aFailedWeekSaysWhatRendersItAndOnceRenderedThatItWasDoneByHand() throws Exception {
        jdbc.update("DELETE FROM schedule_run WHERE business_day >= '2031-01-01'");
        jdbc.update("INSERT INTO schedule_run (schedule, business_day, status, started_at, finished_at, instance, detail) VALUES "
                + "('weekly', '2031-01-13', 'FAILED', '2031-01-20T02:30:00+08:00', '2031-01-20T02:30:04+08:00', 'node', "
                + "'1 rollup rows differ from the facts, the first: 2031-01-14,440604,cases,3,4; nothing was rendered: fraudstats verify "
                + "--from 2031-01-14 --to 2031-01-14 lists them, and with --repair mends them')");
        var runs = context.getBean(org.fraudstats.schedule.ScheduledRuns.class);
        try {
            assertThat(runs.latest(1)).singleElement().satisfies(p -> {
                assertThat(p.statusName()).isEqualTo("失败");
                assertThat(p.reason()).startsWith("日汇总与明细数据不一致（共 1 行").endsWith("（不自动重试：问题解决后，在上方“重算一个区间”重算 "
                        + "2031-01-13 至 2031-01-19，勾选“同时生成整个区间的通报”；生成后按订阅名单邮件发送）");
            });
            // a longer range from the same Monday is not the week's own (review 30b: the longest hid it)
            jdbc.update("INSERT INTO bulletin_revision (kind, date_from, date_to, revision, figures, changes, generated_at, last_load_seen) "
                    + "VALUES ('range', DATE '2031-01-13', DATE '2031-01-26', 1, '{}', '[]', '2031-01-20T09:00:00+08:00', 0)");
            assertThat(runs.latest(1)).singleElement().satisfies(p -> assertThat(p.statusName()).isEqualTo("失败"));
            // rendered by a rerun of the week with its range bulletin, after the failure
            jdbc.update("INSERT INTO bulletin_revision (kind, date_from, date_to, revision, figures, changes, generated_at, last_load_seen) "
                    + "VALUES ('range', DATE '2031-01-13', DATE '2031-01-19', 1, '{}', '[]', '2031-01-20T09:00:00+08:00', 0)");
            assertThat(runs.latest(1)).singleElement().satisfies(p -> {
                assertThat(p.statusName()).isEqualTo("失败，已手工补做");
                assertThat(p.reason()).doesNotContain("不自动重试");
            });
            assertThat(JSON.readTree(as("statistician", get("/api/v1/schedule").param("limit", "1")).getContentAsString())
                    .get(0).get("done_by_hand").asBoolean()).isTrue();
        } finally {
            jdbc.update("DELETE FROM bulletin_revision WHERE kind = 'range' AND date_from = DATE '2031-01-13'");
            jdbc.update("DELETE FROM schedule_run WHERE business_day >= '2031-01-01'");
        }
    }

    /**
     * A night and a week published with 数据未到 stay MISSING_DATA, what the schedule did; once their bulletins' latest
     * revisions are whole (the drop arrived, a later night or a rerun published them), /runs and a script say so
     * (tester 35a F3: a week made whole read as one still incomplete).
     */
    @Test
    void aPeriodPublishedWithDataNotArrivedSaysWhenALaterRevisionMadeItWhole() throws Exception {
        jdbc.update("DELETE FROM schedule_run WHERE business_day >= '2031-01-01'");
        jdbc.update("INSERT INTO schedule_run (schedule, business_day, status, started_at, finished_at, instance, detail, period_to) VALUES "
                + "('nightly', '2031-02-12', 'MISSING_DATA', '2031-02-13T07:30:00+08:00', '2031-02-13T07:30:04+08:00', 'node', "
                + "'published with data not arrived: 2031-02-12', '2031-02-12'), "
                + "('weekly', '2031-02-10', 'MISSING_DATA', '2031-02-17T02:30:00+08:00', '2031-02-17T02:30:09+08:00', 'node', "
                + "'published with data not arrived: 2031-02-12', '2031-02-16')");
        String missing = "{\"notes\": {\"missing\": {\"text\": \"数据未到\"}}}";
        var runs = context.getBean(org.fraudstats.schedule.ScheduledRuns.class);
        try {
            jdbc.update("INSERT INTO bulletin_revision (kind, date_from, date_to, revision, figures, changes, generated_at, last_load_seen) VALUES "
                    + "('daily', DATE '2031-02-12', DATE '2031-02-12', 1, CAST(? AS jsonb), '[]', '2031-02-13T07:30:02+08:00', 0), "
                    + "('range', DATE '2031-02-10', DATE '2031-02-16', 1, CAST(? AS jsonb), '[]', '2031-02-17T02:30:05+08:00', 0), "
                    // a longer range from the same Monday, whole, is not the week's own
                    + "('range', DATE '2031-02-10', DATE '2031-02-23', 1, '{}', '[]', '2031-02-24T09:00:00+08:00', 0)", missing, missing);
            assertThat(runs.latest(2)).extracting(ScheduledRuns.Period::statusName).containsExactly("数据未到", "数据未到");
            assertThat(completedSince()).containsExactly(false, false);

            // the drop of the 12th arrived; the next night published the day again, whole, and a rerun the week
            jdbc.update("INSERT INTO bulletin_revision (kind, date_from, date_to, revision, figures, changes, generated_at, last_load_seen) VALUES "
                    + "('daily', DATE '2031-02-12', DATE '2031-02-12', 2, '{}', '[]', '2031-02-14T01:30:02+08:00', 0)");
            assertThat(runs.latest(2)).extracting(ScheduledRuns.Period::statusName).containsExactly("数据未到，现已补齐", "数据未到");
            assertThat(runs.latest(1)).singleElement().satisfies(p -> assertThat(p.reason()).endsWith("（此后数据已到，已发布数据齐全的修订版）"));
            assertThat(completedSince()).containsExactly(true, false);
            // the page colours it as done, the week still as missing
            assertThat(as("statistician", get("/runs")).getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                    .contains("<span class=\"status completed\">数据未到，现已补齐</span>")
                    .contains("<span class=\"status failed\">数据未到</span>");
            jdbc.update("INSERT INTO bulletin_revision (kind, date_from, date_to, revision, figures, changes, generated_at, last_load_seen) VALUES "
                    + "('range', DATE '2031-02-10', DATE '2031-02-16', 2, '{}', '[]', '2031-02-18T10:00:00+08:00', 0)");
            assertThat(completedSince()).containsExactly(true, true);
            // the latest revision decides: one saying 数据未到 again leaves the week incomplete
            jdbc.update("INSERT INTO bulletin_revision (kind, date_from, date_to, revision, figures, changes, generated_at, last_load_seen) VALUES "
                    + "('range', DATE '2031-02-10', DATE '2031-02-16', 3, CAST(? AS jsonb), '[]', '2031-02-19T10:00:00+08:00', 0)", missing);
            assertThat(completedSince()).containsExactly(true, false);
            assertThat(JSON.readTree(as("statistician", get("/api/v1/schedule").param("limit", "2")).getContentAsString()))
                    .extracting(p -> p.get("status").asString() + " " + p.get("completed_since").asBoolean())
                    .containsExactly("MISSING_DATA true", "MISSING_DATA false");
        } finally {
            jdbc.update("DELETE FROM bulletin_revision WHERE date_from IN (DATE '2031-02-10', DATE '2031-02-12')");
            jdbc.update("DELETE FROM schedule_run WHERE business_day >= '2031-01-01'");
        }
    }

    private List<Boolean> completedSince() {
        return context.getBean(org.fraudstats.schedule.ScheduledRuns.class).latest(2).stream()
                .map(ScheduledRuns.Period::completedSince).toList();
    }

    @Test
    void aScriptWalksTheWholeRunHistoryPageByPage() throws Exception {
        // the loads of @BeforeAll are executions enough for three pages of two
        java.util.List<Long> all = ids(as("statistician", get("/api/v1/runs").param("limit", "6")));
        assertThat(all).hasSize(6).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // anchored below the newest seen, so that a run another test starts meanwhile does not shift the pages
        java.util.List<Long> walked = new java.util.ArrayList<>(ids(as("statistician", get("/api/v1/runs").param("limit", "2")
                .param("before", String.valueOf(all.get(0) + 1)))));
        while (walked.size() < 6) {
            walked.addAll(ids(as("statistician", get("/api/v1/runs").param("limit", "2")
                    .param("before", String.valueOf(walked.get(walked.size() - 1))))));
        }
        assertThat(walked).isEqualTo(all);
        // history pages the same way
        String page = cli("history", "--limit", "2", "--before", String.valueOf(all.get(1))).out();
        assertThat(page.lines().skip(1).map(line -> Long.parseLong(line.substring(0, line.indexOf(' ')))).toList())
                .isEqualTo(all.subList(2, 4));
        Run zero = cli("history", "--before", "0");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).isEqualTo("fraudstats history: --before 0 is not a job execution id (see --help)\n");
    }

    /** A failed load says why in the runs, for a script that did not see the command's line (tester 30c). */
    @Test
    void aFailedRunSaysWhyItFailed(@org.junit.jupiter.api.io.TempDir Path inbox) throws Exception {
        Files.createDirectories(inbox.resolve("2022-12-30"));
        Files.writeString(inbox.resolve("2022-12-30/cases.csv"), "case_id,reported_at,district_code,station,fraud_type,victim_age\n");
        assertThat(cli("ingest", "--inbox", inbox.toString()).exitCode()).isEqualTo(1);
        JsonNode runs = JSON.readTree(as("statistician", get("/api/v1/runs").param("limit", "1")).getContentAsString());
        assertThat(runs.get(0).get("status").asString()).isEqualTo("FAILED");
        assertThat(runs.get(0).get("failure").asString()).endsWith("/cases.csv: required column 'loss_amount' missing from the header");
        JsonNode done = JSON.readTree(as("statistician", get("/api/v1/runs").param("limit", "50")).getContentAsString());
        done.forEach(run -> {
            if (!run.get("status").asString().equals("FAILED")) {
                assertThat(run.get("failure").isNull()).as(run.toString()).isTrue();
            }
        });
    }

    private static java.util.List<Long> ids(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(200);
        java.util.List<Long> ids = new java.util.ArrayList<>();
        JSON.readTree(response.getContentAsString()).forEach(run -> ids.add(run.get("id").asLong()));
        return ids;
    }

    @Test
    void anAccountNumberGivenForADateComesBackMaskedHoweverItIsWritten() throws Exception {
        String card = "6222" + "0212" + "3456" + "7890";
        String wide = card.chars().mapToObj(c -> String.valueOf((char) ('\uFF10' + (c - '0')))).collect(java.util.stream.Collectors.joining());
        assertError(as("leader", get("/api/v1/metrics").param("from", card).param("to", "2022-10-01")),
                "from: '************7890' is not a date (an ISO date, e.g. 2022-10-23)");
        assertError(as("leader", get("/api/v1/metrics").param("from", "2022-10-01").param("to", "6222" + "-0212" + "-3456" + "-7890")),
                "to: '****-****-****-7890' is not a date (an ISO date, e.g. 2022-10-23)");
        assertError(as("leader", get("/api/v1/metrics").param("from", "6222" + " 0212" + " 3456" + " 7890").param("to", "2022-10-01")),
                "from: '****?****?****?7890' is not a date (an ISO date, e.g. 2022-10-23)");
        assertError(as("leader", get("/api/v1/metrics").param("from", wide).param("to", "2022-10-01")),
                "from: '************" + wide.substring(12) + "' is not a date (an ISO date, e.g. 2022-10-23)");
    }

    @Test
    void aRerunOfDaysBeforeTheFirstDayLoadedIsRefused_notPublishedAsZeros() throws Exception {
        LocalDate first = jdbc.queryForObject("SELECT least((SELECT min(business_day) FROM case_day), "
                + "(SELECT min(business_day) FROM warning_day))", LocalDate.class);
        String refusal = "no data before " + first + " (the first day loaded is " + first + "): a bulletin of an earlier day would read zeros "
                + "for a time with no records";
        assertError(as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\": \"2019-01-01\", \"to\": \"2019-01-03\"}")), refusal);
        assertError(as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\": \"2019-01-01\", \"to\": \"" + first + "\", \"dry_run\": true}")), refusal + "; rerun from " + first);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bulletin_revision WHERE date_from < DATE '2020-01-01'", Integer.class)).isZero();
        assertThat(jdbc.queryForList("SELECT concat_ws('|', action, object, result) FROM audit_event WHERE object LIKE '2019-01-01..%' "
                + "ORDER BY id", String.class)).containsExactly("rerun|2019-01-01..2019-01-03|refused",
                "rerun-dry-run|2019-01-01.." + first + "|refused");
    }

    @Test
    void aRerunTheAuditLogCannotRecordDoesNotRun() throws Exception {
        // as when the disk is full or the insert is revoked: the tester's rerun ran, answered 500, and left no row
        jdbc.execute("CREATE FUNCTION refuse_rerun_audit() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100'; END $$");
        jdbc.execute("CREATE TRIGGER refuse_rerun_audit BEFORE INSERT ON audit_event FOR EACH ROW "
                + "WHEN (NEW.action LIKE 'rerun%') EXECUTE FUNCTION refuse_rerun_audit()");
        int executions = jdbc.queryForObject("SELECT count(*) FROM batch_job_execution", Integer.class);
        try {
            MockHttpServletResponse refused = as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"from\": \"2022-10-07\", \"to\": \"2022-10-07\", \"formats\": [\"pdf\"]}"));
            assertThat(refused.getStatus()).isEqualTo(500);
            Thread.sleep(2000);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM batch_job_execution", Integer.class)).isEqualTo(executions);
        } finally {
            jdbc.execute("DROP TRIGGER refuse_rerun_audit ON audit_event");
            jdbc.execute("DROP FUNCTION refuse_rerun_audit()");
        }
        // recorded, it runs: the request first, then what started
        MockHttpServletResponse started = as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\": \"2022-10-07\", \"to\": \"2022-10-07\", \"formats\": [\"pdf\"]}"));
        assertThat(started.getStatus()).isEqualTo(202);
        long id = JSON.readTree(started.getContentAsString()).get("id").asLong();
        awaitEnd(id);
        // and, by the rerun's thread once it has ended, what it did
        List<String> recorded = List.of();
        for (int i = 0; i < 100 && recorded.size() < 3; i++) {
            Thread.sleep(100);
            recorded = jdbc.queryForList("SELECT concat_ws('|', action, object, result) FROM audit_event WHERE action = 'rerun' "
                    + "AND object LIKE '2022-10-07..2022-10-07%' ORDER BY id", String.class);
        }
        assertThat(recorded).hasSize(3);
        assertThat(recorded.subList(0, 2)).containsExactly(
                "rerun|2022-10-07..2022-10-07|requested", "rerun|2022-10-07..2022-10-07 (job execution " + id + ")|started");
        assertThat(recorded.get(2)).matches("rerun\\|2022-10-07\\.\\.2022-10-07 \\(job execution " + id
                + "\\)\\|success: days rendered: 1; bulletins published: [01]");
        assertThat(org.fraudstats.audit.AuditWords.result(recorded.get(2).substring(recorded.get(2).lastIndexOf('|') + 1)))
                .matches("成功：生成 1 天，发布通报 [01] 期（首发或更正版）");
    }

    @Test
    void aRerunWhoseStartTheAuditLogCannotRecordIsAnsweredAsStarted() throws Exception {
        // the request recorded, the job started: the record of its start failing does not undo it, nor make it a failure
        jdbc.execute("CREATE FUNCTION refuse_started_audit() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100'; END $$");
        jdbc.execute("CREATE TRIGGER refuse_started_audit BEFORE INSERT ON audit_event FOR EACH ROW "
                + "WHEN (NEW.action = 'rerun' AND NEW.result = 'started') EXECUTE FUNCTION refuse_started_audit()");
        MockHttpServletResponse started;
        try {
            started = as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"from\": \"2022-10-08\", \"to\": \"2022-10-08\", \"formats\": [\"pdf\"]}"));
        } finally {
            jdbc.execute("DROP TRIGGER refuse_started_audit ON audit_event");
            jdbc.execute("DROP FUNCTION refuse_started_audit()");
        }
        assertThat(started.getStatus()).isEqualTo(202);
        long id = JSON.readTree(started.getContentAsString()).get("id").asLong();
        assertThat(awaitEnd(id).get("status").asString()).isEqualTo("COMPLETED");
        List<String> recorded = List.of();
        for (int i = 0; i < 100 && recorded.size() < 2; i++) {
            Thread.sleep(100);
            recorded = jdbc.queryForList("SELECT result FROM audit_event WHERE action = 'rerun' "
                    + "AND object LIKE '2022-10-08..2022-10-08%' ORDER BY id", String.class);
        }
        assertThat(recorded).hasSize(2);
        assertThat(recorded.get(0)).isEqualTo("requested");
        assertThat(recorded.get(1)).startsWith("success: days rendered: 1");
    }

    @Test
    void aRerunFromTheApiRunsTheRerunJobAndReportsItsProgress() throws Exception {
        MockHttpServletResponse dry = as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\": \"2022-10-18\", \"to\": \"2022-10-20\", \"dry_run\": true}"));
        assertThat(dry.getStatus()).isEqualTo(200);
        JsonNode plan = JSON.readTree(dry.getContentAsString());
        assertThat(plan.get("days").toString()).isEqualTo("[\"2022-10-18\",\"2022-10-19\",\"2022-10-20\"]");
        assertThat(plan.get("bulletins").get(0).asString()).isEqualTo("daily/2022-10-18 (pdf,xlsx)");
        assertThat(plan.get("days_not_arrived").toString()).isEqualTo("[]");
        // days after every drop of the sample (the last is 2022-12-02): said before anything is rendered, as the CLI's rerun warns (r44c)
        JsonNode empty = JSON.readTree(as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\": \"2023-03-10\", \"to\": \"2023-03-11\", \"dry_run\": true}")).getContentAsString());
        assertThat(empty.get("days_not_arrived").toString()).isEqualTo("[\"2023-03-10\",\"2023-03-11\"]");

        MockHttpServletResponse started = as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\": \"2022-10-18\", \"to\": \"2022-10-20\", \"formats\": [\"pdf\"]}"));
        assertThat(started.getStatus()).isEqualTo(202);
        JsonNode rerun = JSON.readTree(started.getContentAsString());
        long id = rerun.get("id").asLong();
        assertThat(rerun.get("from").asString()).isEqualTo("2022-10-18");
        assertThat(rerun.get("to").asString()).isEqualTo("2022-10-20");
        JsonNode state = awaitEnd(id);
        assertThat(state.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(state.get("progress").toString()).isEqualTo("{\"done\":3,\"total\":3}");
        assertThat(state.get("ended_at").asString()).endsWith("+08:00");
        assertThat(state.get("message").isNull()).isTrue();
        assertThat(Files.exists(context.getBean(FraudstatsHome.class).defaultOut().resolve("daily/2022-10-19/fraudstats-daily-2022-10-19.pdf"))).isTrue();
        // the same job as ./fraudstats rerun: history shows it
        assertThat(cli("history", "--limit", "1").out()).contains(id + " ").contains("rerunBulletins").contains("COMPLETED");
        JsonNode runs = JSON.readTree(as("statistician", get("/api/v1/runs").param("limit", "1")).getContentAsString());
        assertThat(runs.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(runs.get(0).get("job").asString()).isEqualTo("rerunBulletins");
        assertThat(runs.get(0).get("status").asString()).isEqualTo("COMPLETED");
        // the same instant as the rerun's own started_at, in Asia/Shanghai whatever the JVM's zone (UTC in tests)
        assertThat(runs.get(0).get("started").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\+08:00")
                .isEqualTo(state.get("started_at").asString().replace('T', ' '));
        assertThat(cli("history", "--limit", "1").out()).contains(runs.get(0).get("started").asString());

        // a completed rerun cannot be stopped or restarted
        assertThat(as("statistician", post("/api/v1/reruns/" + id + "/stop")).getStatus()).isEqualTo(409);
        assertThat(as("statistician", post("/api/v1/reruns/" + id + "/restart")).getStatus()).isEqualTo(409);
        assertThat(as("statistician", get("/api/v1/reruns/999999")).getStatus()).isEqualTo(404);
        assertThat(as("statistician", post("/api/v1/reruns/999999/stop")).getStatus()).isEqualTo(404);
        assertThat(as("statistician", post("/api/v1/reruns/999999/restart")).getStatus()).isEqualTo(404);
        // each refusal is recorded, as the runs page records them
        assertThat(jdbc.queryForList("SELECT concat_ws('|', user_name, role, action, object, result) FROM audit_event "
                + "WHERE action IN ('rerun-stop', 'rerun-restart') AND object IN (?, 'job execution 999999') ORDER BY id",
                String.class, "job execution " + id)).containsExactly(
                "test-statistician|statistician|rerun-stop|job execution " + id + "|refused",
                "test-statistician|statistician|rerun-restart|job execution " + id + "|refused",
                "test-statistician|statistician|rerun-stop|job execution 999999|refused",
                "test-statistician|statistician|rerun-restart|job execution 999999|refused");
    }

    @Test
    void aStoppedRerunIsRestartedAndRendersItsDays() throws Exception {
        JsonNode started = JSON.readTree(as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\": \"2022-10-01\", \"to\": \"2022-10-20\", \"formats\": [\"pdf\"]}")).getContentAsString());
        long id = started.get("id").asLong();
        MockHttpServletResponse stop = as("statistician", post("/api/v1/reruns/" + id + "/stop"));
        assertThat(stop.getStatus()).as(stop.getContentAsString()).isEqualTo(202);
        // a stop asked again says what a GET says: STOPPING while the thread finishes its day, not "not running
        // (STOPPED)" that no GET had shown (r34a); refused only once the rerun has stopped
        MockHttpServletResponse stopAgain = as("statistician", post("/api/v1/reruns/" + id + "/stop"));
        String stateAfter = JSON.readTree(as("statistician", get("/api/v1/reruns/" + id)).getContentAsString()).get("status").asString();
        if (stopAgain.getStatus() == 202) {
            assertThat(JSON.readTree(stopAgain.getContentAsString()).get("status").asString()).isIn("STOPPING", "STOPPED");
        } else {
            assertThat(stopAgain.getStatus()).isEqualTo(409);
            assertThat(stateAfter).isEqualTo("STOPPED");
        }
        JsonNode stopped = awaitEnd(id);
        assertThat(stopped.get("status").asString()).isEqualTo("STOPPED");
        // 20 days, so that the stop lands before the last (4 days were all rendered before it on a quiet machine); all
        // before the 21st, which bulletinsAreListedNewestFirstAndServedByteForByte keeps for its own
        assertThat(stopped.get("progress").get("done").asInt()).isLessThan(20);

        MockHttpServletResponse restart = as("statistician", post("/api/v1/reruns/" + id + "/restart"));
        assertThat(restart.getStatus()).as(restart.getContentAsString()).isEqualTo(202);
        JsonNode again = JSON.readTree(restart.getContentAsString());
        assertThat(again.get("restarted_from").asLong()).isEqualTo(id);
        assertThat(again.get("id").asLong()).isGreaterThan(id);
        JsonNode done = awaitEnd(again.get("id").asLong());
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("progress").toString()).isEqualTo("{\"done\":20,\"total\":20}");
        assertThat(cli("history", "--limit", "5").out()).contains(id + " ").contains("STOPPED");

        // asked again, the stopped one says where it went on: 409, where Batch's refusal was a 503 "try again" that
        // never could succeed, its parameters and paths for a message (tester); its page has no restart button
        MockHttpServletResponse twice = as("statistician", post("/api/v1/reruns/" + id + "/restart"));
        assertThat(twice.getStatus()).isEqualTo(409);
        assertThat(JSON.readTree(twice.getContentAsString()).get("error").asString()).isEqualTo("rerun " + id
                + " was restarted as rerun " + again.get("id").asLong() + ", which completed: there is nothing to restart");
        assertThat(JSON.readTree(as("statistician", get("/api/v1/reruns/" + id)).getContentAsString()).get("message").asString())
                .isEqualTo("restarted as rerun " + again.get("id").asLong() + " (COMPLETED)");
        // the runs page's button says it in Chinese (retest 31: the English line on the Chinese page)
        var onThePage = mvc.perform(post("/runs/" + id + "/restart").with(user("test-statistician").roles("STATISTICIAN"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())).andReturn();
        assertThat(onThePage.getFlashMap().get("error")).isEqualTo("重算 " + id + " 已作为重算 " + again.get("id").asLong()
                + " 重新开始并已完成：没有需要重新开始的部分。");
        String page = as("statistician", get("/runs/" + id)).getContentAsString();
        assertThat(page).contains("已重新启动为作业 <a href=\"/runs/" + again.get("id").asLong() + "\">" + again.get("id").asLong() + "</a>")
                .doesNotContain("重新启动（只补未完成的天）");
    }

    /**
     * A rerun asked to stop while its thread still renders a day holds its days until that day is done: a restart
     * then was refused as "another run (rerun or nightly) is working on some of these days", and the other run was
     * this one (r37c). It says the rerun is still stopping; once stopped, the restart is taken.
     */
    @Test
    void aRestartWhileTheRerunIsStillStoppingSaysSo() throws Exception {
        // every day's step waits, at its creation, for a lock this test holds: the rerun's thread stays on its first day
        jdbc.execute("CREATE FUNCTION test_hold_render() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.step_name LIKE 'renderDay:%' THEN PERFORM pg_advisory_xact_lock_shared(4242, 1); END IF; "
                + "RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER test_hold_render BEFORE INSERT ON batch_step_execution FOR EACH ROW EXECUTE FUNCTION test_hold_render()");
        long id;
        try (java.sql.Connection holder = context.getBean(javax.sql.DataSource.class).getConnection();
                java.sql.Statement hold = holder.createStatement()) {
            hold.execute("SELECT pg_advisory_lock(4242, 1)");
            try {
                id = JSON.readTree(as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\": \"2022-10-05\", \"to\": \"2022-10-06\", \"formats\": [\"pdf\"]}"))
                        .getContentAsString()).get("id").asLong();
                assertThat(as("statistician", post("/api/v1/reruns/" + id + "/stop")).getStatus()).isEqualTo(202);
                assertThat(JSON.readTree(as("statistician", get("/api/v1/reruns/" + id)).getContentAsString()).get("status")
                        .asString()).isEqualTo("STOPPING");

                MockHttpServletResponse early = as("statistician", post("/api/v1/reruns/" + id + "/restart"));
                assertThat(early.getStatus()).isEqualTo(409);
                assertThat(JSON.readTree(early.getContentAsString()).get("error").asString()).isEqualTo("rerun " + id
                        + " is still stopping (finishing the day it was on): restart it once its status is no longer STOPPING (STOPPED or FAILED)");
                var onThePage = mvc.perform(post("/runs/" + id + "/restart").with(user("test-statistician").roles("STATISTICIAN"))
                        .with(csrf())).andReturn();
                assertThat(onThePage.getFlashMap().get("error")).isEqualTo("重算 " + id + " 正在停止（在完成手头的那一天）：状态变为已停止或失败后再重新开始。");
            } finally {
                hold.execute("SELECT pg_advisory_unlock(4242, 1)");
            }
        } finally {
            jdbc.execute("DROP TRIGGER test_hold_render ON batch_step_execution");
            jdbc.execute("DROP FUNCTION test_hold_render()");
        }
        assertThat(awaitEnd(id).get("status").asString()).isEqualTo("STOPPED");
        MockHttpServletResponse restart = as("statistician", post("/api/v1/reruns/" + id + "/restart"));
        assertThat(restart.getStatus()).as(restart.getContentAsString()).isEqualTo(202);
        assertThat(awaitEnd(JSON.readTree(restart.getContentAsString()).get("id").asLong()).get("status").asString()).isEqualTo("COMPLETED");
    }

    /**
     * A day first published by `rerun --out DIR` has its files there, not in the portal's folder: listed with "pdf": null
     * and answered 404 "was not rendered", a rendered file was not served (tester). Served from where it was published.
     */
    @Test
    void aBulletinPublishedIntoAnotherOutIsServedFromThere(@org.junit.jupiter.api.io.TempDir Path scratch) throws Exception {
        // a day of 2021 no other test renders
        Path portalCopy = context.getBean(FraudstatsHome.class).defaultOut().resolve("daily/2021-11-17/fraudstats-daily-2021-11-17.pdf");
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(portalCopy), "2021-11-17 was rendered into the portal's folder");
        Run rendered = cli("rerun", "--from", "2021-11-17", "--to", "2021-11-17", "--out", scratch.toString(), "--formats", "pdf");
        assertThat(rendered.exitCode()).as(rendered.err()).isZero();
        Path file = scratch.resolve("daily/2021-11-17/fraudstats-daily-2021-11-17.pdf");
        assertThat(file).exists();

        JsonNode listed = JSON.readTree(as("leader", get("/api/v1/bulletins").param("from", "2021-11-17").param("to", "2021-11-17"))
                .getContentAsString()).get(0);
        assertThat(listed.get("pdf").asString()).isEqualTo("/api/v1/bulletins/2021-11-17/daily.pdf?revision=1");
        assertThat(listed.get("xlsx").isNull()).isTrue();
        MockHttpServletResponse pdf = as("leader", get("/api/v1/bulletins/2021-11-17/daily.pdf"));
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentAsByteArray()).isEqualTo(Files.readAllBytes(file));
        // a folder others may write into is not trusted: whoever could have planted the file is not served it (review)
        Path day = file.getParent();
        var mode = Files.getPosixFilePermissions(day);
        Files.setPosixFilePermissions(day, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        try {
            assertThat(as("leader", get("/api/v1/bulletins/2021-11-17/daily.pdf")).getStatus()).isEqualTo(404);
        } finally {
            Files.setPosixFilePermissions(day, mode);
        }
        Files.move(file, scratch.resolve("moved.pdf"));
        Files.createSymbolicLink(file, scratch.resolve("moved.pdf"));
        assertThat(as("leader", get("/api/v1/bulletins/2021-11-17/daily.pdf")).getStatus()).isEqualTo(404);
        // a format never rendered says so, and what puts it there
        MockHttpServletResponse xlsx = as("leader", get("/api/v1/bulletins/2021-11-17/daily.xlsx"));
        assertThat(xlsx.getStatus()).isEqualTo(404);
        assertThat(JSON.readTree(xlsx.getContentAsString(StandardCharsets.UTF_8)).get("error").asString()).isEqualTo("the xlsx of the "
                + "daily bulletin of 2021-11-17 revision 1 is not on the server (not rendered in that format, or its file since moved or "
                + "deleted): a rerun of that period writes it");
    }

    @Test
    void aRerunOverDaysAnotherRunHoldsIsRefused() throws Exception {
        try (RunLock.Held nightly = context.getBean(RunLock.class).days("nightly", LocalDate.of(2022, 10, 10), LocalDate.of(2022, 10, 10))) {
            MockHttpServletResponse refused = as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"from\": \"2022-10-09\", \"to\": \"2022-10-11\"}"));
            assertThat(refused.getStatus()).isEqualTo(409);
            assertThat(JSON.readTree(refused.getContentAsString()).get("error").asString())
                    .isEqualTo("rerun 2022-10-09..2022-10-11 refused: another run (rerun or nightly) is working on some of these days; "
                            + "try again when it has finished");
        }
    }

    @Test
    void rejectsAreWhatTheCommandPrints() throws Exception {
        Run cli = cli("rejects", "--from", "2022-10-01", "--to", "2022-10-30", "--format", "json");
        MockHttpServletResponse api = as("statistician", get("/api/v1/rejects").param("from", "2022-10-01").param("to", "2022-10-30"));
        assertThat(api.getContentAsByteArray()).isEqualTo(cli.out().getBytes(StandardCharsets.UTF_8));
        assertThat(JSON.readTree(api.getContentAsString()).size()).isPositive();
        assertThat(as("statistician", get("/api/v1/rejects")).getContentAsByteArray())
                .isEqualTo(cli("rejects", "--format", "json").out().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRerunFromTheApiRendersTheBulletinOfTheWholeRangeWhenAsked() throws Exception {
        assertError(as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\": \"2022-10-10\", \"to\": \"2022-10-16\", \"range\": \"yes\"}")), "range must be true or false");
        java.time.LocalDate today = org.fraudstats.support.BeijingToday.clearOfMidnight();
        assertError(as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\": \"" + today.minusDays(1) + "\", \"to\": \"" + today + "\", \"dry_run\": true}")),
                "to " + today + " is not over yet (today is " + today + " in Asia/Shanghai): a day's bulletin is made once the day is over");
        // Monday 10 to Sunday 16 October 2022: a week, so its bulletin is the weekly one (other tests read the 21st on)
        JsonNode plan = JSON.readTree(as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\": \"2022-10-10\", \"to\": \"2022-10-16\", \"formats\": [\"pdf\"], \"range\": true, \"dry_run\": true}"))
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(plan.get("bulletins").size()).isEqualTo(8);
        assertThat(plan.get("bulletins").get(7).asString()).isEqualTo("range/2022-10-10_2022-10-16 (pdf) 电信网络诈骗警情通报（周报）");

        JsonNode started = JSON.readTree(as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\": \"2022-10-10\", \"to\": \"2022-10-16\", \"formats\": [\"pdf\"], \"range\": true}")).getContentAsString());
        assertThat(awaitEnd(started.get("id").asLong()).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForList("SELECT object FROM audit_event WHERE action = 'rerun' ORDER BY id DESC LIMIT 1", String.class))
                .containsExactly("2022-10-10..2022-10-16 with the range bulletin (job execution " + started.get("id").asLong() + ")");
        assertThat(context.getBean(FraudstatsHome.class).defaultOut()
                .resolve("range/2022-10-10_2022-10-16/fraudstats-range-2022-10-10_2022-10-16.pdf")).exists();
        JsonNode listed = JSON.readTree(as("leader", get("/api/v1/bulletins").param("from", "2022-10-16").param("to", "2022-10-16")).getContentAsString());
        assertThat(listed.findValuesAsString("kind")).contains("weekly");
        // without "range", only the daily bulletins, as before
        JsonNode daily = JSON.readTree(as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\": \"2022-10-10\", \"to\": \"2022-10-11\", \"dry_run\": true}")).getContentAsString());
        assertThat(daily.get("bulletins").toString()).doesNotContain("range/");
    }

    @Test
    void largeFigureListingsBeyondTheBoundAreRefusedAtOnce_smallerOnesAnswered() throws Exception {
        // a tester's 30 ten-year listings day by day at once filled the heap and stopped the portal for ten minutes
        try (AutoCloseable computing = org.fraudstats.web.api.HeldListings.largeFigures(context)) {
            MockHttpServletResponse refused = as("statistician", get("/api/v1/metrics").param("from", "2021-01-01")
                    .param("to", "2022-12-31").param("by", "day"));
            assertThat(refused.getStatus()).isEqualTo(503);
            assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
            assertThat(JSON.readTree(refused.getContentAsString(StandardCharsets.UTF_8)).get("error").asString())
                    .isEqualTo("3 listings of more than 2500 rows are being computed already, the most at once; "
                            + "try again in a minute, or ask a shorter period or one district");
            assertThat(jdbc.queryForList("SELECT user_name || ' ' || action || ' ' || object || ' ' || result FROM audit_event "
                    + "ORDER BY id DESC LIMIT 1", String.class))
                    .containsExactly("test-statistician read-figures 2021-01-01..2022-12-31 by day busy");
            // a year day by day for every area is not counted, nor two years of one district
            assertThat(as("statistician", get("/api/v1/metrics").param("from", "2022-01-01").param("to", "2022-12-31")
                    .param("by", "day")).getStatus()).isEqualTo(200);
            assertThat(as("statistician", get("/api/v1/metrics").param("from", "2021-01-01").param("to", "2022-12-31")
                    .param("by", "day").param("district", "440604")).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse answered = as("statistician", get("/api/v1/metrics").param("from", "2021-01-01")
                .param("to", "2022-12-31").param("by", "day"));
        assertThat(answered.getStatus()).isEqualTo(200);
        assertThat(JSON.readTree(answered.getContentAsString()).size()).isEqualTo(730 * 6);
    }

    @Test
    void listingsBeyondTheBoundAreRefusedAtOnceUntilAPlaceIsFree() throws Exception {
        try (var stalled = org.fraudstats.web.api.HeldListings.all(context)) {
            assertThat(stalled.count()).isEqualTo(3);
            for (String[] call : new String[][] {{"statistician", "/api/v1/rejects", "read-rejects"}, {"auditor", "/api/v1/audit", "read-audit"}}) {
                MockHttpServletResponse refused = as(call[0], get(call[1]).param("from", "2022-10-01").param("to", "2022-10-30"));
                assertThat(refused.getStatus()).isEqualTo(503);
                assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
                assertThat(JSON.readTree(refused.getContentAsString(StandardCharsets.UTF_8)).get("error").asString())
                        .isEqualTo("3 listings (rejects, audit) are being downloaded already, the most at once; try again in a minute");
                assertThat(jdbc.queryForList("SELECT user_name || ' ' || action || ' ' || object || ' ' || result FROM audit_event "
                        + "ORDER BY id DESC LIMIT 1", String.class))
                        .containsExactly("test-" + call[0] + " " + call[2] + " 2022-10-01..2022-10-30 busy");
            }
        }
        // the stalled clients gone, the same request is answered
        assertThat(as("statistician", get("/api/v1/rejects").param("from", "2022-10-01").param("to", "2022-10-30")).getStatus()).isEqualTo(200);
    }

    @Test
    void aListingWhoseAnswerNeverBeganGivesItsPlaceBack() throws Exception {
        // the task writing the body refused by the executor, then the request completed: the place is free again
        assertThat(org.fraudstats.web.api.HeldListings.abandoned(context)).isEqualTo(3);
    }

    @Test
    void theAuditLogIsWhatTheCommandPrints() throws Exception {
        as("leader", get("/api/v1/bulletins/2022-10-23/daily.pdf"));
        MockHttpServletResponse api = as("auditor", get("/api/v1/audit"));
        assertThat(api.getStatus()).isEqualTo(200);
        // the auditor's own read is recorded before the log is streamed, so both listings end with it
        assertThat(api.getContentAsByteArray()).isEqualTo(cli("audit", "--format", "json").out().getBytes(StandardCharsets.UTF_8));
        JsonNode events = JSON.readTree(api.getContentAsString(StandardCharsets.UTF_8));
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.propertyNames()).containsExactly("time", "user", "role", "client", "action", "object", "result");
        assertThat(last.get("user").asString() + " " + last.get("action").asString() + " " + last.get("object").asString())
                .isEqualTo("test-auditor read-audit all");
        assertThat(events.get(events.size() - 2).get("action").asString()).isEqualTo("download");
    }

    /**
     * An auditor exports the log as the command's CSV from the portal, with the page's filters, and a parameter the
     * endpoint does not know is 400: format=csv and user=… were ignored, the whole log answered in JSON (tester).
     */
    @Test
    void theAuditLogIsTheCommandsCsvWithFormatCsv_filteredAsThePageIs_andAnUnknownParameterIsRefused() throws Exception {
        as("leader", get("/api/v1/bulletins/2022-10-23/daily.pdf"));
        MockHttpServletResponse csv = as("auditor", get("/api/v1/audit").param("format", "csv"));
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"fraudstats-audit.csv\"");
        // its own read recorded first, as with JSON: both listings end with it
        assertThat(csv.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(cli("audit").out())
                .startsWith("time,user,role,client,action,object,result\n").endsWith(",test-auditor,auditor,127.0.0.1,read-audit,all as csv,success\n");

        String today = org.fraudstats.settings.BusinessTime.today(java.time.Clock.systemUTC()).toString();
        MockHttpServletResponse downloads = as("auditor", get("/api/v1/audit").param("format", "csv").param("from", today).param("to", today)
                .param("user", "test-leader").param("action", "download").param("object", "2022-10-23"));
        assertThat(downloads.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"fraudstats-audit-" + today + "_" + today + ".csv\"");
        java.util.List<String> rows = downloads.getContentAsString(StandardCharsets.UTF_8).lines().skip(1).toList();
        assertThat(rows).isNotEmpty().allMatch(r -> r.matches("[^,]+,test-leader,leader,127\\.0\\.0\\.1,download,fraudstats-daily-2022-10-23\\.(pdf|xlsx),success"));
        assertThat(jdbc.queryForObject("SELECT object FROM audit_event WHERE action = 'read-audit' ORDER BY id DESC LIMIT 1", String.class))
                .isEqualTo(today + ".." + today + " user=test-leader action=download object=2022-10-23 as csv");

        assertError(as("auditor", get("/api/v1/audit").param("usr", "li.na")),
                "unknown parameter 'usr' (from, to, format, user, role, action, result, object)");
        assertError(as("auditor", get("/api/v1/audit").param("format", "xlsx")), "format: 'xlsx' is not json or csv");
        assertError(as("auditor", get("/api/v1/audit").param("user", "li.na", "wang.wu")), "parameter 'user' given 2 times: give it once");
    }

    @Test
    void downloadsReadsAndRerunsAreInTheAuditLogWithWhoWhereWhatAndHow() throws Exception {
        as("leader", get("/api/v1/bulletins/2022-10-23/daily.pdf"));
        as("statistician", get("/api/v1/metrics").param("from", "2022-10-01").param("to", "2022-10-07").param("district", "440604"));
        as("press", get("/api/v1/headlines").param("from", "2022-10-01").param("to", "2022-10-09"));
        as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON).content("{\"from\": \"2022-10-02\", \"to\": \"2022-10-02\", \"dry_run\": true}"));
        java.util.List<String> lines = new java.util.ArrayList<>();
        context.getBean(org.fraudstats.audit.AuditLog.class).read(null, null, r ->
                lines.add(String.join("|", r.user(), r.role(), r.client(), r.action(), r.object(), r.result())));
        assertThat(lines).contains(
                "test-leader|leader|127.0.0.1|download|fraudstats-daily-2022-10-23.pdf|success",
                "test-statistician|statistician|127.0.0.1|read-figures|2022-10-01..2022-10-07 by range district 440604|success",
                "test-press|press|127.0.0.1|read-headline|2022-10-01..2022-10-09 440600 handling|success",
                "test-statistician|statistician|127.0.0.1|rerun-dry-run|2022-10-02..2022-10-02|success");
    }

    /**
     * A HEAD is audited as such, not as a download (r33a); a Range is not served: a file goes whole or not at all, so
     * a copy taken is a copy audited (review 33d: a Range Spring could not satisfy was answered 416 with the whole file,
     * audited as a part).
     */
    @Test
    void aHeadIsAuditedAsSuch_aRangeGetsTheWholeFileAuditedAsADownload() throws Exception {
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
        byte[] file = Files.readAllBytes(context.getBean(FraudstatsHome.class).defaultOut()
                .resolve("daily/2022-10-24/fraudstats-daily-2022-10-24.pdf"));
        MockHttpServletResponse head = as("leader", org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .head("/api/v1/bulletins/2022-10-24/daily.pdf"));
        MockHttpServletResponse part = as("leader", get("/api/v1/bulletins/2022-10-24/daily.pdf").header("Range", "bytes=0-99"));
        MockHttpServletResponse junk = as("leader", get("/api/v1/bulletins/2022-10-24/daily.pdf").header("Range", "junk"));
        // a weak tag names the same file: 304, not modified (review 33e: Spring answered it 304 after a download was audited)
        MockHttpServletResponse weak = as("leader", get("/api/v1/bulletins/2022-10-24/daily.pdf")
                .header("If-None-Match", "W/" + head.getHeader("ETag")));

        assertThat(head.getStatus()).isEqualTo(200);
        assertThat(head.getHeader("Content-Length")).isEqualTo(String.valueOf(file.length));
        assertThat(weak.getStatus()).isEqualTo(304);
        // the 304 says what the 200 says: Spring MVC wrote bytes for a Resource without a body (r33f)
        assertThat(weak.getHeader("Accept-Ranges")).isEqualTo("none");
        assertThat(weak.getHeader("Cache-Control")).isEqualTo("no-store");
        for (MockHttpServletResponse whole : List.of(part, junk)) {
            assertThat(whole.getStatus()).isEqualTo(200);
            assertThat(whole.getHeader("Accept-Ranges")).isEqualTo("none");
            assertThat(whole.getContentAsByteArray()).isEqualTo(file);
        }
        assertThat(jdbc.queryForList("SELECT action || '|' || object || '|' || result FROM audit_event WHERE id > ? "
                + "AND user_name = 'test-leader' ORDER BY id", String.class, before)).containsExactly(
                "download|fraudstats-daily-2022-10-24.pdf|success: head only",
                "download|fraudstats-daily-2022-10-24.pdf|success",
                "download|fraudstats-daily-2022-10-24.pdf|success",
                "download|fraudstats-daily-2022-10-24.pdf|not-modified");
        assertThat(org.fraudstats.audit.AuditWords.result("success: head only")).isEqualTo("成功：仅取文件信息（HEAD），未传送内容");
        // an error of a file's path is named error.json, the 401 of a token gone too (review 33d: saved as daily.pdf)
        MockHttpServletResponse anonymous = mvc.perform(get("/api/v1/bulletins/2022-10-24/daily.pdf")).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(anonymous.getHeader("Content-Disposition")).isEqualTo("inline; filename=\"error.json\"");
    }

    private JsonNode awaitEnd(long id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            JsonNode state = JSON.readTree(as("statistician", get("/api/v1/reruns/" + id)).getContentAsString());
            String status = state.get("status").asString();
            if (!status.equals("STARTING") && !status.equals("STARTED") && !status.equals("STOPPING")) {
                return state;
            }
            // not ended, no end: a stopping rerun gave the stop's time, which the day it still rendered overtook (r33a)
            assertThat(state.get("ended_at").isNull()).as("rerun %d %s with ended_at %s", id, status, state.get("ended_at")).isTrue();
            assertThat(System.nanoTime()).as("rerun %d still %s", id, status).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private MockHttpServletResponse as(String role, MockHttpServletRequestBuilder request) throws Exception {
        // a session's POST needs its CSRF token under /api too (only a bearer token goes without)
        var result = mvc.perform(request.with(user("test-" + role).roles(role.toUpperCase())).with(csrf())).andReturn();
        // a streamed answer (rejects, audit) is written on an async dispatch, as the servlet container does it
        return result.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(result)).andReturn().getResponse() : result.getResponse();
    }

    private static String errorOf(MockHttpServletResponse response) throws Exception {
        assertError(response, null);
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8)).get("error").asString();
    }

    private static void assertError(MockHttpServletResponse response, String message) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        JsonNode json = JSON.readTree(body);
        assertThat(json.propertyNames()).containsExactly("error");
        assertThat(json.get("error").asString()).doesNotContain("\n").doesNotContain("Exception");
        if (message != null) {
            assertThat(json.get("error").asString()).isEqualTo(message);
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
