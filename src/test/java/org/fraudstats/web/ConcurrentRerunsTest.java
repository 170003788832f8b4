package org.fraudstats.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fraudstats.storage.FraudstatsHome;
import org.fraudstats.support.PortalTest;
import org.fraudstats.support.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reruns of distinct ranges started at the same moment, from the API and from several commands: Spring Batch makes
 * their job and step executions in SERIALIZABLE transactions, which PostgreSQL cancels when they overlap (SQLState
 * 40001). Each starts and completes all the same; a rerun whose steps could not be made fails with a message and can
 * be restarted or run again, and one that could not start at all is answered in one line and audited. The conflicts
 * the real race gives now and then are made certain with a trigger raising PostgreSQL's own error, at commit as the
 * real one did ("Canceled on identification as a pivot, during commit attempt").
 */
class ConcurrentRerunsTest extends PortalTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SERIALIZATION_FAILURE = "could not serialize access due to read/write dependencies among transactions";
    private static boolean loaded;

    @BeforeEach
    void drops() {
        synchronized (ConcurrentRerunsTest.class) {
            if (!loaded) {
                Run ingest = cli("ingest", "--inbox", SAMPLE_INBOX.toString(), "--from", "2021-10-01", "--to", "2021-10-25");
                assertThat(ingest.exitCode()).as(ingest.err()).isZero();
                loaded = true;
            }
        }
    }

    @Test
    void threeRerunsPostedAtOnceAllStartAndComplete() throws Exception {
        String[][] ranges = {{"2021-10-01", "2021-10-02"}, {"2021-10-05", "2021-10-06"}, {"2021-10-08", "2021-10-09"}};
        List<MockHttpServletResponse> answers = atOnce(ranges.length, i -> as("statistician", post("/api/v1/reruns")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\": \"" + ranges[i][0] + "\", \"to\": \"" + ranges[i][1] + "\", \"formats\": [\"pdf\"]}")));

        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < ranges.length; i++) {
            String body = answers.get(i).getContentAsString(StandardCharsets.UTF_8);
            assertThat(answers.get(i).getStatus()).as(body).isEqualTo(202);
            JsonNode started = JSON.readTree(body);
            assertThat(started.get("from").asString() + ".." + started.get("to").asString()).isEqualTo(ranges[i][0] + ".." + ranges[i][1]);
            ids.add(started.get("id").asLong());
        }
        assertThat(ids).doesNotHaveDuplicates();
        Path daily = context.getBean(FraudstatsHome.class).defaultOut().resolve("daily");
        for (int i = 0; i < ranges.length; i++) {
            long id = ids.get(i);
            JsonNode state = awaitEnd(id);
            assertThat(state.get("status").asString()).as(state.toString()).isEqualTo("COMPLETED");
            assertThat(state.get("progress").toString()).isEqualTo("{\"done\":2,\"total\":2}");
            assertThat(state.get("message").isNull()).isTrue();
            assertThat(steps(id)).containsExactlyInAnyOrder("renderDays COMPLETED", "renderDay:day-" + ranges[i][0] + " COMPLETED",
                    "renderDay:day-" + ranges[i][1] + " COMPLETED", "renderRange COMPLETED");
            for (String day : ranges[i]) {
                assertThat(daily.resolve(day + "/fraudstats-daily-" + day + ".pdf")).isNotEmptyFile();
            }
            // started, then (by the rerun's own thread, perhaps not yet) its end
            List<String> recorded = audit("rerun", ranges[i][0] + ".." + ranges[i][1] + " (job execution " + id + ")");
            assertThat(recorded.get(0)).isEqualTo("test-statistician|statistician|rerun|" + ranges[i][0] + ".." + ranges[i][1]
                    + " (job execution " + id + ")|started");
            assertThat(recorded.subList(1, recorded.size())).allMatch(end -> end.matches(".*\\|success: days rendered: 2; bulletins published: [0-3]"));
        }
    }

    @Test
    void rerunsFromSeveralCommandsAtOnceAllComplete() throws Exception {
        String[][] ranges = {{"2021-10-11", "2021-10-12"}, {"2021-10-14", "2021-10-15"}, {"2021-10-17", "2021-10-18"}};
        Path out = TestPostgres.tempHome().resolve("out");
        List<Run> runs = atOnce(ranges.length, i -> cli("rerun", "--from", ranges[i][0], "--to", ranges[i][1],
                "--out", out.toString(), "--formats", "pdf"));

        List<String> executions = new ArrayList<>();
        for (int i = 0; i < ranges.length; i++) {
            Run run = runs.get(i);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).matches("2 daily bulletins rendered into " + java.util.regex.Pattern.quote(out.resolve("daily").toString())
                    + " \\(job execution \\d+\\)\\n");
            executions.add(run.out().replaceAll("(?s).*job execution (\\d+).*", "$1"));
            for (String day : ranges[i]) {
                assertThat(out.resolve("daily/" + day + "/fraudstats-daily-" + day + ".pdf")).isNotEmptyFile();
            }
        }
        assertThat(executions).doesNotHaveDuplicates();
        for (String id : executions) {
            assertThat(jdbc.queryForObject("SELECT status FROM batch_job_execution WHERE job_execution_id = ?", String.class,
                    Long.parseLong(id))).isEqualTo("COMPLETED");
        }
    }

    @Test
    void aDaysStepWhoseCreationFailsToSerializeIsMadeAgain() throws Exception {
        // the second day's step fails twice at commit, as when another rerun's creations overlapped it, then goes in
        conflicts("batch_step_execution", "NEW.step_name LIKE 'renderDay:%' AND EXISTS (SELECT 1 FROM batch_step_execution s "
                + "WHERE s.job_execution_id = NEW.job_execution_id AND s.step_name LIKE 'renderDay:%' "
                + "AND s.step_execution_id <> NEW.step_execution_id)", 2);
        long id;
        try {
            id = started(post("/api/v1/reruns"), "{\"from\": \"2021-10-03\", \"to\": \"2021-10-04\", \"formats\": [\"pdf\"]}");
            JsonNode state = awaitEnd(id);
            assertThat(state.get("status").asString()).as(state.toString()).isEqualTo("COMPLETED");
            assertThat(state.get("progress").toString()).isEqualTo("{\"done\":2,\"total\":2}");
            assertThat(jdbc.queryForObject("SELECT last_value FROM test_conflicts", Long.class)).as("two refused, the third in").isEqualTo(3);
        } finally {
            noConflicts("batch_step_execution");
        }
        assertThat(steps(id)).containsExactlyInAnyOrder("renderDays COMPLETED", "renderDay:day-2021-10-03 COMPLETED",
                "renderDay:day-2021-10-04 COMPLETED", "renderRange COMPLETED");
    }

    @Test
    void aRerunLeftFailedWithADayMarkedStartingIsRestartedFromTheApi() throws Exception {
        long failed = failedMakingItsDays(() -> started(post("/api/v1/reruns"),
                "{\"from\": \"2021-10-19\", \"to\": \"2021-10-20\", \"formats\": [\"pdf\"]}"));
        JsonNode state = state(failed);
        assertThat(state.get("status").asString()).isEqualTo("FAILED");
        assertThat(state.get("message").asString()).isEqualTo(SERIALIZATION_FAILURE);
        assertThat(state.get("progress").toString()).isEqualTo("{\"done\":0,\"total\":2}");
        stillStarting(failed);

        MockHttpServletResponse restart = as("statistician", post("/api/v1/reruns/" + failed + "/restart"));

        assertThat(restart.getStatus()).as(restart.getContentAsString()).isEqualTo(202);
        JsonNode again = JSON.readTree(restart.getContentAsString());
        assertThat(again.get("restarted_from").asLong()).isEqualTo(failed);
        long id = again.get("id").asLong();
        JsonNode done = awaitEnd(id);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.get("progress").toString()).isEqualTo("{\"done\":2,\"total\":2}");
        assertThat(steps(failed)).as("the day left STARTING is marked failed").hasSize(2).contains("renderDays FAILED")
                .anyMatch(step -> step.matches("renderDay:day-2021-10-(19|20) FAILED"));
        Path daily = context.getBean(FraudstatsHome.class).defaultOut().resolve("daily");
        assertThat(daily.resolve("2021-10-20/fraudstats-daily-2021-10-20.pdf")).isNotEmptyFile();
        List<String> recorded = audit("rerun-restart", "job execution " + failed + " as " + id);
        assertThat(recorded.get(0)).isEqualTo("test-statistician|statistician|rerun-restart|job execution " + failed + " as " + id + "|started");
        assertThat(recorded.subList(1, recorded.size())).allMatch(end -> end.matches(".*\\|success: days rendered: [12]; bulletins published: [0-3]"));
        // what this execution published, as its page lists it (MLPS tester: a restart's record counted the whole rerun's)
        int publishedNow = jdbc.queryForObject("SELECT count(*) FROM bulletin_revision WHERE job_execution_id = ?", Integer.class, id);
        assertThat(recorded.get(recorded.size() - 1)).endsWith("; bulletins published: " + publishedNow);
    }

    @Test
    void aRerunLeftFailedWithADayMarkedStartingIsFinishedByTheSameRerunAndByRestart() throws Exception {
        Path out = TestPostgres.tempHome().resolve("out");
        String[] rerun = {"rerun", "--from", "2021-10-21", "--to", "2021-10-22", "--out", out.toString(), "--formats", "pdf"};
        long failed = failedMakingItsDays(() -> {
            Run run = cli(rerun);
            assertThat(run.exitCode()).isEqualTo(1);
            long id = jdbc.queryForObject("SELECT max(job_execution_id) FROM batch_job_execution", Long.class);
            assertThat(run.err()).isEqualTo("fraudstats rerun: rerun 2021-10-21..2021-10-22 failed (job execution " + id + "): "
                    + SERIALIZATION_FAILURE + "; once that is put right, run the same command again to finish only the missing days\n");
            return id;
        });
        stillStarting(failed);

        Run again = cli(rerun);

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).matches("2 daily bulletins rendered into " + java.util.regex.Pattern.quote(out.resolve("daily").toString())
                + " \\(job execution \\d+, restarted: 2 rendered now\\)\n");
        assertThat(Long.parseLong(again.out().replaceAll("(?s).*job execution (\\d+).*", "$1"))).isGreaterThan(failed);
        assertThat(out.resolve("daily/2021-10-22/fraudstats-daily-2021-10-22.pdf")).isNotEmptyFile();

        // and `restart ID` of a rerun left so
        Path other = TestPostgres.tempHome().resolve("out");
        long stuck = failedMakingItsDays(() -> {
            cli("rerun", "--from", "2021-10-23", "--to", "2021-10-24", "--out", other.toString(), "--formats", "pdf");
            return jdbc.queryForObject("SELECT max(job_execution_id) FROM batch_job_execution", Long.class);
        });
        stillStarting(stuck);
        Run restart = cli("restart", Long.toString(stuck));
        assertThat(restart.exitCode()).as(restart.err()).isZero();
        assertThat(restart.out()).matches("job execution " + stuck + " restarted as \\d+: COMPLETED\n");
        assertThat(other.resolve("daily/2021-10-23/fraudstats-daily-2021-10-23.pdf")).isNotEmptyFile();
        assertThat(other.resolve("daily/2021-10-24/fraudstats-daily-2021-10-24.pdf")).isNotEmptyFile();
    }

    @Test
    void aRerunThatCannotStartIsAnsweredInOneLineAndAudited() throws Exception {
        // every attempt at the job execution of this range fails to serialize: no execution is made
        conflicts("batch_job_execution_params", "NEW.parameter_name = 'from' AND NEW.parameter_value = '2021-10-25'", Integer.MAX_VALUE);
        MockHttpServletResponse refused;
        try {
            refused = as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"from\": \"2021-10-25\", \"to\": \"2021-10-25\", \"formats\": [\"pdf\"]}"));
        } finally {
            noConflicts("batch_job_execution_params");
        }
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("30");
        JsonNode error = JSON.readTree(refused.getContentAsString(StandardCharsets.UTF_8));
        assertThat(error.propertyNames()).containsExactly("error");
        assertThat(error.get("error").asString()).isEqualTo("rerun 2021-10-25..2021-10-25 could not start: " + SERIALIZATION_FAILURE
                + "; nothing was rendered, try again");
        assertThat(audit("rerun", "2021-10-25..2021-10-25")).containsExactly("test-statistician|statistician|rerun|2021-10-25..2021-10-25|requested",
                "test-statistician|statistician|rerun|2021-10-25..2021-10-25|failure");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM batch_job_execution_params WHERE parameter_name = 'from' "
                + "AND parameter_value = '2021-10-25'", Integer.class)).isZero();

        // tried again, it starts
        long id = started(post("/api/v1/reruns"), "{\"from\": \"2021-10-25\", \"to\": \"2021-10-25\", \"formats\": [\"pdf\"]}");
        assertThat(awaitEnd(id).get("status").asString()).isEqualTo("COMPLETED");
    }

    /**
     * Every place for a rerun taken ({@code Reruns.AT_ONCE}): one more is answered 503 at once and audited busy,
     * nothing launched; twelve asked at once took the whole pool and some answered as failed ran after all (r41c).
     */
    @Test
    void aRerunBeyondThoseRunningAtOnceIsAnsweredBusyAndNothingRuns() throws Exception {
        var places = (java.util.concurrent.Semaphore) org.springframework.test.util.ReflectionTestUtils.getField(
                context.getBean(org.fraudstats.web.portal.Reruns.class), "places");
        assertThat(places.availablePermits()).isEqualTo(3);
        places.acquire(3);
        MockHttpServletResponse busy;
        MockHttpServletResponse page;
        try {
            busy = as("statistician", post("/api/v1/reruns").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"from\": \"2021-10-13\", \"to\": \"2021-10-13\", \"formats\": [\"pdf\"]}"));
            page = mvc.perform(post("/runs/start").with(user("test-statistician").roles("STATISTICIAN")).with(csrf())
                    .param("from", "2021-10-16").param("to", "2021-10-16")).andReturn().getResponse();
        } finally {
            places.release(3);
        }
        assertThat(busy.getStatus()).isEqualTo(503);
        assertThat(busy.getHeader("Retry-After")).isEqualTo("60");
        assertThat(JSON.readTree(busy.getContentAsString(StandardCharsets.UTF_8)).get("error").asString())
                .isEqualTo("3 reruns are running on this server already, the most at once: try again when one has ended");
        assertThat(audit("rerun", "2021-10-13..2021-10-13")).containsExactly(
                "test-statistician|statistician|rerun|2021-10-13..2021-10-13|requested",
                "test-statistician|statistician|rerun|2021-10-13..2021-10-13|busy");
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getHeader("Retry-After")).isEqualTo("60");
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("本服务器已有 3 个重算在运行，已达同时运行的上限：请等其中一个结束后再试。");
        assertThat(audit("rerun", "2021-10-16..2021-10-16")).last().asString().endsWith("|busy");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM batch_job_execution_params WHERE parameter_name = 'from' "
                + "AND parameter_value IN ('2021-10-13', '2021-10-16')", Integer.class)).isZero();
        // its place back, the same request starts, and ends giving the place back
        long id = started(post("/api/v1/reruns"), "{\"from\": \"2021-10-13\", \"to\": \"2021-10-13\", \"formats\": [\"pdf\"]}");
        assertThat(awaitEnd(id).get("status").asString()).isEqualTo("COMPLETED");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (places.availablePermits() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(places.availablePermits()).isEqualTo(3);
    }

    @Test
    void aFailedRerunSaysWhyInItsState() throws Exception {
        // a file where the day's folder should be: that day cannot be written
        Path daily = context.getBean(FraudstatsHome.class).defaultOut().resolve("daily");
        Files.createDirectories(daily);
        Path obstacle = Files.writeString(daily.resolve("2021-10-07"), "not a folder");
        try {
            long id = started(post("/api/v1/reruns"), "{\"from\": \"2021-10-07\", \"to\": \"2021-10-07\", \"formats\": [\"pdf\"]}");
            JsonNode state = awaitEnd(id);
            assertThat(state.get("status").asString()).isEqualTo("FAILED");
            assertThat(state.get("message").asString()).isEqualTo("2021-10-07: cannot write " + obstacle + ": a file of that name is in the way");
            // marked failed with no trace, as the next run over its days marks a rerun whose process died
            jdbc.update("UPDATE batch_step_execution SET exit_message = '' WHERE job_execution_id = ?", id);
            jdbc.update("UPDATE batch_job_execution SET exit_message = '' WHERE job_execution_id = ?", id);
            assertThat(state(id).get("message").asString())
                    .isEqualTo("ended without finishing (its process stopped before it did); restart it to render the days still missing");
        } finally {
            Files.delete(obstacle);
        }
    }

    /** What a rerun that failed while its days' steps were made leaves, as the version before this one left it. */
    private interface Failing {
        long run() throws Exception;
    }

    /**
     * A rerun whose second day's step can never be made: it fails after its first day's step was made. Since this
     * version the rerun marks that step failed as it ends; the version before left it STARTING, and Spring Batch then
     * took the FAILED execution for one still running, refusing every restart and rerun of the range. That state is
     * put back (as a failure of the marking itself would leave it) and returned.
     */
    private long failedMakingItsDays(Failing rerun) throws Exception {
        long id;
        conflicts("batch_step_execution", "NEW.step_name LIKE 'renderDay:%' AND EXISTS (SELECT 1 FROM batch_step_execution s "
                + "WHERE s.job_execution_id = NEW.job_execution_id AND s.step_name LIKE 'renderDay:%' "
                + "AND s.step_execution_id <> NEW.step_execution_id)", Integer.MAX_VALUE);
        try {
            id = rerun.run();
            // from the API, until the server's thread for it has ended (STOPPING till then)
            awaitEnd(id);
        } finally {
            noConflicts("batch_step_execution");
        }
        assertThat(jdbc.queryForObject("SELECT status FROM batch_job_execution WHERE job_execution_id = ?", String.class, id)).isEqualTo("FAILED");
        assertThat(jdbc.queryForList("SELECT status FROM batch_step_execution WHERE job_execution_id = ? ORDER BY step_execution_id",
                String.class, id)).as("nothing of it is left marked running").containsExactly("FAILED", "FAILED");
        jdbc.update("UPDATE batch_step_execution SET status = 'STARTING', exit_code = 'EXECUTING', end_time = NULL "
                + "WHERE job_execution_id = ? AND step_name LIKE 'renderDay:%'", id);
        return id;
    }

    private void stillStarting(long id) {
        assertThat(jdbc.queryForList("SELECT e.status || ' ' || s.status FROM batch_job_execution e JOIN batch_step_execution s "
                + "ON s.job_execution_id = e.job_execution_id WHERE e.job_execution_id = ? AND s.step_name LIKE 'renderDay:%'",
                String.class, id)).containsExactly("FAILED STARTING");
    }

    /**
     * Inserts into {@code table} for which {@code condition} holds fail at commit, the first {@code times} of them,
     * with PostgreSQL's own serialization failure (counted in sequence test_conflicts, which no rollback undoes).
     */
    private void conflicts(String table, String condition, int times) {
        jdbc.execute("DROP SEQUENCE IF EXISTS test_conflicts");
        jdbc.execute("CREATE SEQUENCE test_conflicts");
        jdbc.execute("CREATE FUNCTION test_conflict_" + table + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF " + condition + " AND nextval('test_conflicts') <= " + times + " THEN "
                + "RAISE EXCEPTION '" + SERIALIZATION_FAILURE + "' USING ERRCODE = 'serialization_failure', "
                + "DETAIL = 'Reason code: Canceled on identification as a pivot, during commit attempt.'; "
                + "END IF; RETURN NULL; END $$");
        jdbc.execute("CREATE CONSTRAINT TRIGGER test_conflict AFTER INSERT ON " + table + " DEFERRABLE INITIALLY DEFERRED "
                + "FOR EACH ROW EXECUTE FUNCTION test_conflict_" + table + "()");
    }

    private void noConflicts(String table) {
        jdbc.execute("DROP TRIGGER IF EXISTS test_conflict ON " + table);
        jdbc.execute("DROP FUNCTION IF EXISTS test_conflict_" + table + "()");
    }

    /** Each call on a thread of its own, released together; their results in the calls' order. */
    private interface Call<T> {
        T call(int i) throws Exception;
    }

    private static <T> List<T> atOnce(int n, Call<T> call) throws Exception {
        CyclicBarrier together = new CyclicBarrier(n);
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(threads.submit((Callable<T>) () -> {
                    together.await();
                    return call.call(index);
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            threads.shutdown();
        }
    }

    private long started(MockHttpServletRequestBuilder request, String body) throws Exception {
        MockHttpServletResponse answer = as("statistician", request.contentType(MediaType.APPLICATION_JSON).content(body));
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(202);
        return JSON.readTree(answer.getContentAsString()).get("id").asLong();
    }

    private List<String> steps(long id) {
        return jdbc.queryForList("SELECT step_name || ' ' || status FROM batch_step_execution WHERE job_execution_id = ?", String.class, id);
    }

    private List<String> audit(String action, String object) {
        return jdbc.queryForList("SELECT concat_ws('|', user_name, role, action, object, result) FROM audit_event "
                + "WHERE action = ? AND object = ? ORDER BY id", String.class, action, object);
    }

    private JsonNode state(long id) throws Exception {
        return JSON.readTree(as("statistician", get("/api/v1/reruns/" + id)).getContentAsString(StandardCharsets.UTF_8));
    }

    private JsonNode awaitEnd(long id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            JsonNode state = state(id);
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
        return mvc.perform(request.with(user("test-" + role).roles(role.toUpperCase())).with(csrf())).andReturn().getResponse();
    }
}
