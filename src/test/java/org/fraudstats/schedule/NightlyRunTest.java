package org.fraudstats.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.fraudstats.settings.BusinessTime;
import org.fraudstats.storage.RunLock;
import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.TestClock;
import org.fraudstats.support.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The nightly schedule on one node, fired by hand (its cron is moved to 2099 so it never fires by itself):
 * catching up missed nights oldest first, waiting for a missing drop until the deadline, and installing the
 * schedules into Quartz.
 */
@Import(NightlyRunTest.Beans.class)
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class NightlyRunTest extends DatabaseTest {

    static final Instant TUESDAY_0130 = OffsetDateTime.parse("2022-10-25T01:30:00+08:00").toInstant();
    static final LocalDate D22 = LocalDate.of(2022, 10, 22);
    static final LocalDate D23 = LocalDate.of(2022, 10, 23);
    static final LocalDate D24 = LocalDate.of(2022, 10, 24);
    static final LocalDate D25 = LocalDate.of(2022, 10, 25);

    /** Not a @TestConfiguration: a stereotype would let other tests' component scans pick it up. */
    static class Beans {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(TUESDAY_0130, 1);
        }

        @Bean
        @Primary
        FakeWork fakeWork(TestClock clock) {
            return new FakeWork("node", new FakeWork.Calls(), clock, Duration.ZERO);
        }
    }

    @DynamicPropertySource
    static void schedules(DynamicPropertyRegistry registry) {
        Path jobs = jobsDir("nightly.yml", "cron: \"0 0 0 1 1 ? 2099\"\nretry-interval: PT1S\n",
                "weekly.yml", "enabled: false\n", "monthly.yml", "enabled: false\n");
        registry.add("fraudstats.jobs-dir", jobs::toString);
        registry.add("spring.quartz.properties.org.quartz.scheduler.idleWaitTime", () -> "1000");
        // A restarted process looks for misfires at once; a scheduler resumed from standby only at the misfire
        // handler's next round, every misfireThreshold (60 s by default)
        registry.add("spring.quartz.properties.org.quartz.jobStore.misfireThreshold", () -> "1000");
    }

    @Autowired
    Serve serve;
    @Autowired
    Scheduler scheduler;
    @Autowired
    TestClock clock;
    @Autowired
    FakeWork work;
    @Autowired
    ScheduleDefinitions definitions;

    @Autowired
    ScheduleRunner runner;
    @Autowired
    RunLock runLock;
    @Autowired
    QuartzSchedules quartz;

    @BeforeEach
    void freshStart() throws Exception {
        serve.start();
        if (scheduler.isInStandbyMode()) {
            scheduler.start();
        }
        scheduler.unscheduleJob(QuartzSchedules.retryKey("nightly"));
        jdbc.execute("TRUNCATE schedule_run");
        work.reset();
    }

    @Test
    void oneFireCatchesUpEveryMissedNightOldestFirst() throws Exception {
        long audited = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
        clock.set(TUESDAY_0130);
        finished("nightly", LocalDate.of(2022, 10, 21), "DONE");

        scheduler.triggerJob(QuartzSchedules.jobKey("nightly"));

        Await.until(Duration.ofSeconds(20), () -> "DONE".equals(status(D24)), this::runs);
        Path inbox = definitions.get("nightly").inbox();
        assertThat(work.calls().days("nightly", null)).containsExactly(D22, D23, D24);
        assertThat(work.calls().days("dropArrived", null)).containsExactly(D22, D23, D24);
        assertThat(inbox).isEqualTo(Path.of(env("fraudstats.home")).resolve("inbox"));
        assertThat(statuses()).containsExactly("2022-10-21 DONE", "2022-10-22 DONE", "2022-10-23 DONE", "2022-10-24 DONE");
        // in the audit log as the same work typed on the command line is (tester mail32: on /runs alone)
        assertThat(jdbc.queryForList("SELECT concat_ws('|', user_name, action, object, result) FROM audit_event "
                + "WHERE action = 'schedule-nightly' AND id > ? ORDER BY id", String.class, audited)).containsExactly(
                "scheduler|schedule-nightly|2022-10-22|success", "scheduler|schedule-nightly|2022-10-23|success",
                "scheduler|schedule-nightly|2022-10-24|success");
        assertThat(org.fraudstats.audit.AuditWords.action("schedule-nightly")).isEqualTo("定时任务 nightly");
    }

    /** Tester A: after `nightly --date D` by hand, the week still waited for the failed night until the next fire. */
    @Test
    void aFailedNightDoneByHandIsNotWaitedForByTheWeek() {
        mondayAfterSaturdaysDropCouldNotBeRead();
        ScheduleDefinition nightly = definitions.get("nightly");
        ScheduleDefinition weekly = definitions.get("weekly");
        List<Duration> retries = new java.util.ArrayList<>();
        runner.run(nightly, quartz.node(), retries::add);
        assertThat(runner.run(weekly, quartz.node(), retries::add)).singleElement().asString()
                .startsWith("2022-10-17 WAITING (the nightly run of 2022-10-22 failed");

        // ./fraudstats nightly --date 2022-10-23 by hand: the drops up to Sunday loaded, Sunday's daily published
        clock.set(OffsetDateTime.parse("2022-10-24T09:00:00+08:00").toInstant());
        jdbc.update("INSERT INTO drop_load (job_execution_id, drop_date, checksum, rows_read, rows_loaded, rows_rejected, rows_changed, load_number) "
                + "SELECT -n, d, 'by-hand-' || d, 0, 0, 0, 0, -n FROM unnest(ARRAY[DATE '2022-10-22', DATE '2022-10-23']) WITH ORDINALITY AS u(d, n)");
        jdbc.update("INSERT INTO bulletin_revision (kind, date_from, date_to, revision, figures, changes, generated_at, last_load_seen) "
                + "VALUES ('daily', DATE '2022-10-23', DATE '2022-10-23', 99, '{}', '[]', ?, 0)", java.sql.Timestamp.from(clock.instant()));
        try {
            assertThat(runner.run(weekly, quartz.node(), retries::add)).asString().isEqualTo("[2022-10-17 DONE]");
            assertThat(work.calls().days("range", null)).containsExactly(LocalDate.of(2022, 10, 17));
            // /runs says the failed night whose own daily was published was done by hand, not that it is tried again;
            // Saturday's own daily was not published, so it still reads 失败 (review)
            assertThat(context.getBean(ScheduledRuns.class).latest(10)).filteredOn(p -> p.schedule().equals("nightly") && p.day().equals(D23))
                    .singleElement().satisfies(p -> assertThat(p.statusName()).isEqualTo("失败，已手工补做"))
                    .satisfies(p -> assertThat(p.retried()).isFalse());
            assertThat(context.getBean(ScheduledRuns.class).latest(10)).filteredOn(p -> p.schedule().equals("nightly") && p.day().equals(D22))
                    .singleElement().satisfies(p -> assertThat(p.statusName()).isEqualTo("失败"));
        } finally {
            jdbc.update("DELETE FROM bulletin_revision WHERE kind = 'daily' AND date_from = DATE '2022-10-23' AND revision = 99");
            jdbc.update("DELETE FROM drop_load WHERE checksum LIKE 'by-hand-%'");
        }
    }

    /**
     * Tester A: a SIGTERM during a catch-up let the fire start the next night after "serve: stopping", whose render
     * failed as the process was torn down and was recorded FAILED until the next night's fire.
     */
    @Test
    void aStopInTheMiddleOfACatchUpStartsNoFurtherNight_andTheNextStartFiresAgain() {
        clock.set(TUESDAY_0130);
        finished("nightly", LocalDate.of(2022, 10, 21), "DONE");
        ScheduleDefinition nightly = definitions.get("nightly");
        List<Duration> retries = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();

        // the stop comes while the first night runs
        assertThat(runner.run(nightly, quartz.node(), retries::add, () -> asked.getAndIncrement() > 0)).asString()
                .isEqualTo("[2022-10-22 DONE]");

        assertThat(work.calls().days("nightly", null)).containsExactly(D22);
        assertThat(statuses()).containsExactly("2022-10-21 DONE", "2022-10-22 DONE");
        // the cron fired after Monday the 24th, the latest night, was over, and left it not run: fired again at start
        assertThat(runner.leftUnfinished(nightly, TUESDAY_0130)).isTrue();
        assertThat(runner.leftUnfinished(nightly, OffsetDateTime.parse("2022-10-24T23:59:00+08:00").toInstant())).isFalse();
        assertThat(runner.leftUnfinished(nightly, null)).isFalse();
        runner.run(nightly, quartz.node(), retries::add);
        assertThat(work.calls().days("nightly", null)).containsExactly(D22, D23, D24);
        assertThat(runner.leftUnfinished(nightly, TUESDAY_0130)).isFalse();
    }

    @Test
    void aNodeThatWasDownAtTheCronTimeFiresOnceWhenItComesBackAndCatchesUp() throws Exception {
        ScheduleDefinition inTest = definitions.get("nightly");
        ScheduleDefinition realCron = new ScheduleDefinition(inTest.name(), inTest.source(), inTest.description(), true,
                inTest.work(), inTest.cadence(), "0 30 1 * * ?", inTest.zone(), inTest.inbox(), inTest.out(),
                inTest.retryInterval(), inTest.deadline());
        scheduler.standby();
        try {
            quartz.install(List.of(realCron));
            // the node was down across two 01:30s: its trigger still waits for a fire two days ago
            long twoDaysAgo = System.currentTimeMillis() - Duration.ofDays(2).toMillis();
            jdbc.update("UPDATE qrtz_triggers SET next_fire_time = ? WHERE trigger_name = 'nightly'", twoDaysAgo);
            clock.set(OffsetDateTime.parse("2022-10-25T08:00:00+08:00").toInstant());
            finished("nightly", LocalDate.of(2022, 10, 21), "DONE");

            scheduler.start();

            Await.until(Duration.ofSeconds(20), () -> "DONE".equals(status(D24)), this::runs);
            assertThat(work.calls().days("nightly", null)).containsExactly(D22, D23, D24);
            assertThat(scheduler.getTrigger(QuartzSchedules.cronKey("nightly")).getNextFireTime())
                    .as("back on the cron after the one catch-up fire").isInTheFuture();
        } finally {
            quartz.install(List.of(inTest));
        }
    }

    @Test
    void aMissingDropIsLookedForUntilTheDeadlineThenRenderedAsMissing() throws Exception {
        long audited = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
        clock.set(OffsetDateTime.parse("2022-10-25T07:29:56+08:00").toInstant());
        finished("nightly", D23, "DONE");
        work.missing(D24);

        scheduler.triggerJob(QuartzSchedules.jobKey("nightly"));

        Await.until(Duration.ofSeconds(10), () -> "WAITING".equals(status(D24)), this::runs);
        assertThat(work.calls().days("nightly", null)).isEmpty();
        Await.until(Duration.ofSeconds(30), () -> "MISSING_DATA".equals(status(D24)), this::runs);
        List<FakeWork.Call> nightly = work.calls().list.stream().filter(c -> c.what().equals("nightly")).toList();
        assertThat(nightly).hasSize(1);
        assertThat(nightly.get(0).from()).isEqualTo(D24);
        assertThat(nightly.get(0).at()).isAfterOrEqualTo(OffsetDateTime.parse("2022-10-25T07:30:00+08:00").toInstant());
        // about one look a second for 4 seconds; at least a few, however loaded the machine
        assertThat(work.calls().days("dropArrived", null)).hasSizeGreaterThanOrEqualTo(3).containsOnly(D24);
        assertThat(jdbc.queryForObject("SELECT exit_code FROM schedule_run WHERE business_day = ?", Integer.class, D24))
                .isEqualTo(1);
        // which day, on /runs and in /api/v1/schedule, where it was null (r33f)
        String detail = jdbc.queryForObject("SELECT detail FROM schedule_run WHERE business_day = ?", String.class, D24);
        assertThat(detail).isEqualTo("published with 数据未到: the data of 2022-10-24 had not arrived; the next night or a "
                + "rerun revises it once loaded");
        assertThat(WaitingWords.chinese(detail)).isEqualTo("已按数据未到发布：2022-10-24 的数据尚未到达；数据到达后，下一次日报任务或重算将发布修订版");
        // one row for its end, none for each look while it waited
        assertThat(jdbc.queryForList("SELECT object || ' ' || result FROM audit_event WHERE action = 'schedule-nightly' "
                + "AND id > ?", String.class, audited)).containsExactly("2022-10-24 success: data not arrived");
        assertThat(org.fraudstats.audit.AuditWords.result("success: data not arrived")).isEqualTo("成功：数据未到，按数据未到发布");

        // The drop turns up late: the next night's run is D25's; D24 is not run again by the schedule (the
        // pipeline's nightly for D25 loads whatever arrived late and re-renders the days it changes).
        work.reset();
        clock.set(OffsetDateTime.parse("2022-10-26T01:30:00+08:00").toInstant());
        scheduler.triggerJob(QuartzSchedules.jobKey("nightly"));
        Await.until(Duration.ofSeconds(20), () -> "DONE".equals(status(D25)), this::runs);
        assertThat(work.calls().days("nightly", null)).containsExactly(D25);
        assertThat(status(D24)).isEqualTo("MISSING_DATA");
    }

    @Test
    void aScheduleWhoseInboxDoesNotExistSaysSoWhileItWaits() {
        clock.set(OffsetDateTime.parse("2022-10-25T02:00:00+08:00").toInstant());
        finished("nightly", D23, "DONE");
        work.missing(D24);
        ScheduleDefinition inTest = definitions.get("nightly");
        Path unmounted = Path.of(env("fraudstats.home")).resolve("unmounted-share");
        ScheduleDefinition noInbox = new ScheduleDefinition(inTest.name(), inTest.source(), inTest.description(), true,
                inTest.work(), inTest.cadence(), inTest.cron(), inTest.zone(), unmounted, inTest.out(),
                inTest.retryInterval(), inTest.deadline());

        List<ScheduleRunner.Outcome> outcomes = runner.run(noInbox, quartz.node(), retry -> { });

        assertThat(outcomes).singleElement().asString().startsWith("2022-10-24 WAITING (the inbox " + unmounted
                + " does not exist: no drop can arrive there (FRAUDSTATS_INBOX); looking again in ");
    }

    @Test
    void aDropThatArrivesBeforeTheDeadlineRunsAtTheNextLook() throws Exception {
        clock.set(TUESDAY_0130);
        finished("nightly", D23, "DONE");
        work.missing(D24);
        work.arriveAfter(D24, 3);

        scheduler.triggerJob(QuartzSchedules.jobKey("nightly"));

        Await.until(Duration.ofSeconds(20), () -> "DONE".equals(status(D24)), this::runs);
        assertThat(work.calls().days("dropArrived", null)).containsExactly(D24, D24, D24);
        assertThat(work.calls().days("nightly", null)).containsExactly(D24);
    }

    /**
     * The administrator's /schedules reads what serve installed in Quartz: the next and last fire, a pending retry, and
     * the schedules switched off (web.md gives the administrator the schedules; r38f: they could see none).
     */
    @Test
    void theAdministratorsOverviewSaysWhatQuartzWillFireAndWhen() throws Exception {
        ScheduleOverview overview = context.getBean(ScheduleOverview.class);
        try {
            quartz.retry(definitions.get("nightly"), Duration.ofHours(2));
            String inTwoHours = Instant.now().plus(Duration.ofHours(2)).atZone(BusinessTime.ZONE).toLocalDateTime().toString()
                    .replace('T', ' ').substring(0, 16);
            assertThat(overview.schedules()).extracting(ScheduleOverview.Schedule::name).containsExactly("nightly", "weekly", "monthly");
            assertThat(overview.schedules()).filteredOn(s -> s.name().equals("nightly")).singleElement().satisfies(s -> {
                assertThat(s.enabled()).isTrue();
                assertThat(s.installed()).isTrue();
                // this test's jobs/nightly.yml: "0 0 0 1 1 ? 2099", in the shipped file's zone
                assertThat(s.cron()).isEqualTo("0 0 0 1 1 ? 2099");
                assertThat(s.zone()).isEqualTo("Asia/Shanghai");
                assertThat(s.nextFire()).isEqualTo("2099-01-01 00:00");
                assertThat(s.fileCron()).isEmpty();
                // Beijing time to the second, no offset, as the page's heading says (it showed +08:00)
                assertThat(s.lastFire()).matches("|\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
                assertThat(s.retryAt()).isIn(inTwoHours, Instant.now().plus(Duration.ofHours(2)).plusSeconds(1)
                        .atZone(BusinessTime.ZONE).toLocalDateTime().toString().replace('T', ' ').substring(0, 16));
                assertThat(s.work()).startsWith("日报任务");
                assertThat(s.source()).endsWith("nightly.yml");
            });
            assertThat(overview.schedules()).filteredOn(s -> !s.name().equals("nightly")).allSatisfy(s -> {
                assertThat(s.enabled()).isFalse();
                assertThat(s.installed()).isFalse();
                assertThat(s.nextFire()).isEmpty();
            });
            assertThat(overview.schedules()).filteredOn(s -> s.name().equals("weekly")).singleElement()
                    .satisfies(s -> assertThat(s.work()).isEqualTo("周报（上周一至周日）"));

            // another node, started last with another file, installed its cron: what fires is shown, this node's beside it
            ScheduleDefinition nightly = definitions.get("nightly");
            quartz.install(List.of(new ScheduleDefinition(nightly.name(), nightly.source(), nightly.description(), true, nightly.work(),
                    nightly.cadence(), "0 0 2 1 1 ? 2099", nightly.zone(), nightly.inbox(), nightly.out(), nightly.retryInterval(),
                    nightly.deadline())));
            assertThat(overview.schedules()).filteredOn(s -> s.name().equals("nightly")).singleElement().satisfies(s -> {
                assertThat(s.cron()).isEqualTo("0 0 2 1 1 ? 2099");
                assertThat(s.nextFire()).isEqualTo("2099-01-01 02:00");
                assertThat(s.fileCron()).isEqualTo("0 0 0 1 1 ? 2099 Asia/Shanghai");
            });
        } finally {
            quartz.install(List.of(definitions.get("nightly")));
            scheduler.unscheduleJob(QuartzSchedules.retryKey("nightly"));
        }
    }

    @Test
    void installingAgainKeepsOneTriggerPerScheduleAndAppliesAChangedCron() throws Exception {
        QuartzSchedules quartz = context.getBean(QuartzSchedules.class);
        ScheduleDefinition nightly = definitions.get("nightly");
        ScheduleDefinition edited = new ScheduleDefinition(nightly.name(), nightly.source(), nightly.description(),
                true, nightly.work(), nightly.cadence(), "0 0 2 1 1 ? 2099", nightly.zone(), nightly.inbox(),
                nightly.out(), nightly.retryInterval(), nightly.deadline());

        assertThat(quartz.install(List.of(nightly))).singleElement().asString().contains("unchanged");
        assertThat(quartz.install(List.of(edited))).singleElement().asString().contains("updated");
        assertThat(((CronTrigger) scheduler.getTrigger(QuartzSchedules.cronKey("nightly"))).getCronExpression())
                .isEqualTo("0 0 2 1 1 ? 2099");
        assertThat(quartz.install(List.of(nightly))).singleElement().asString().contains("updated");

        assertThat(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(QuartzSchedules.GROUP)))
                .containsExactly(QuartzSchedules.jobKey("nightly"));
        assertThat(scheduler.getTriggersOfJob(QuartzSchedules.jobKey("nightly"))).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM qrtz_cron_triggers", Integer.class)).isEqualTo(1);
    }

    @Test
    void missedWeeksAndMonthsAreCaughtUpWithTheirRangeBulletinsOldestFirst() {
        clock.set(OffsetDateTime.parse("2022-10-24T02:30:00+08:00").toInstant()); // a Monday
        finished("weekly", LocalDate.of(2022, 10, 3), "DONE");
        runner.run(definitions.get("weekly"), quartz.node(), wait -> fail("range bulletins do not wait"));

        clock.set(OffsetDateTime.parse("2022-11-01T03:00:00+08:00").toInstant());
        finished("monthly", LocalDate.of(2022, 8, 1), "DONE");
        runner.run(definitions.get("monthly"), quartz.node(), wait -> fail("range bulletins do not wait"));

        assertThat(work.calls().list).extracting(c -> c.what() + " " + c.from() + ".." + c.to()).containsExactly(
                "range 2022-10-10..2022-10-16", "range 2022-10-17..2022-10-23",
                "range 2022-09-01..2022-09-30", "range 2022-10-01..2022-10-31");
        assertThat(jdbc.queryForList("SELECT schedule || ' ' || business_day || ' ' || status FROM schedule_run "
                + "WHERE schedule <> 'nightly' ORDER BY schedule, business_day", String.class)).containsExactly(
                "monthly 2022-08-01 DONE", "monthly 2022-09-01 DONE", "monthly 2022-10-01 DONE",
                "weekly 2022-10-03 DONE", "weekly 2022-10-10 DONE", "weekly 2022-10-17 DONE");
    }

    /**
     * A week published with 数据未到 (a new home's first Monday, its nightly never run) is recorded and audited as a night
     * that published one is: DONE told a script watching /api/v1/schedule that the week was whole (r33a).
     */
    @Test
    void aWeekPublishedWithDaysNotArrivedIsMissingData() {
        long audited = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
        clock.set(OffsetDateTime.parse("2022-10-24T02:30:00+08:00").toInstant()); // a Monday
        finished("weekly", LocalDate.of(2022, 10, 10), "DONE");
        work.notArrivedInRanges(LocalDate.of(2022, 10, 23));

        assertThat(runner.run(definitions.get("weekly"), quartz.node(), wait -> fail("no night to wait for")))
                .singleElement().asString().startsWith("2022-10-17 MISSING_DATA");

        assertThat(jdbc.queryForObject("SELECT status || ' ' || exit_code FROM schedule_run WHERE schedule = 'weekly' "
                + "AND business_day = '2022-10-17'", String.class)).isEqualTo("MISSING_DATA 1");
        assertThat(WaitingWords.chinese(jdbc.queryForObject("SELECT detail FROM schedule_run WHERE schedule = 'weekly' "
                + "AND business_day = '2022-10-17'", String.class))).isEqualTo("已按数据未到发布：2022-10-23 的数据尚未到达；"
                + "数据到达后，下一次日报任务或重算将发布修订版");
        assertThat(jdbc.queryForList("SELECT object || ' ' || result FROM audit_event WHERE action = 'schedule-weekly' AND id > ?",
                String.class, audited)).containsExactly("2022-10-17..2022-10-23 success: data not arrived");
    }

    @Test
    void aWeeklyBulletinWaitsForTheNightlyRunOfItsLastDayThenRenders() {
        // back on a Monday after a Sunday night down: both schedules fire at once, the nightly has Sunday to run
        clock.set(OffsetDateTime.parse("2022-10-24T09:00:00+08:00").toInstant());
        finished("nightly", D22, "DONE");
        finished("weekly", LocalDate.of(2022, 10, 10), "DONE");
        ScheduleDefinition weekly = definitions.get("weekly");
        List<Duration> retries = new java.util.ArrayList<>();

        List<ScheduleRunner.Outcome> outcomes = runner.run(weekly, quartz.node(), retries::add);

        assertThat(outcomes).singleElement().asString()
                .isEqualTo("2022-10-17 WAITING (the nightly run of 2022-10-23 is not finished; looking again in PT1M)");
        assertThat(retries).containsExactly(Duration.ofMinutes(1));
        assertThat(work.calls().days("range", null)).isEmpty();

        // the nightly is waiting for Sunday's drop (until its deadline): the weekly waits too
        claimedBy("node", D23);
        jdbc.update("UPDATE schedule_run SET status = 'WAITING' WHERE schedule = 'nightly' AND business_day = ?", D23);
        assertThat(runner.run(weekly, quartz.node(), retries::add)).singleElement().asString()
                .startsWith("2022-10-17 WAITING (the nightly run of 2022-10-23");

        // Sunday's night ended (its drop loaded, or rendered with 数据未到 at the deadline): the week renders
        jdbc.update("UPDATE schedule_run SET status = 'MISSING_DATA', finished_at = now() WHERE schedule = 'nightly' "
                + "AND business_day = ?", D23);
        assertThat(runner.run(weekly, quartz.node(), retries::add)).singleElement().asString()
                .isEqualTo("2022-10-17 DONE");
        assertThat(work.calls().list).extracting(c -> c.what() + " " + c.from() + ".." + c.to())
                .containsExactly("range 2022-10-17..2022-10-23");
        assertThat(retries).hasSize(2);
    }

    @Test
    void twoRetriesOfOneScheduleAtOnceLeaveOnePendingRetryAndNoError() throws Exception {
        // two nodes finding last night RUNNING after a power cut both ask for a retry at the same moment (review)
        ScheduleDefinition nightly = definitions.get("nightly");
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                scheduler.unscheduleJob(QuartzSchedules.retryKey("nightly"));
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                List<java.util.concurrent.Future<?>> both = new java.util.ArrayList<>();
                for (int node = 0; node < 2; node++) {
                    both.add(nodes.submit(() -> {
                        together.await();
                        quartz.retry(nightly, Duration.ofHours(1));
                        return null;
                    }));
                }
                for (var retry : both) {
                    retry.get();
                }
                assertThat(quartz.retryPending(nightly)).isTrue();
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    /**
     * r38f: serve killed during a retry's fire (a late drop's look again, or the fire a start makes) left that one-shot
     * trigger COMPLETE in Quartz's tables until the scheduler starts; the next start took it for a retry to come, fired
     * nothing, and the night stayed RUNNING with no bulletin until the next cron time.
     */
    @Test
    void aRetryLeftCompleteByAKilledFireIsNoRetryToWaitFor() throws Exception {
        ScheduleDefinition nightly = definitions.get("nightly");
        quartz.retry(nightly, Duration.ofHours(1));
        try {
            assertThat(quartz.retryPending(nightly)).isTrue();
            jdbc.update("UPDATE qrtz_triggers SET trigger_state = 'COMPLETE' WHERE trigger_name = ? AND trigger_group = ?",
                    QuartzSchedules.retryKey("nightly").getName(), QuartzSchedules.retryKey("nightly").getGroup());
            assertThat(quartz.retryPending(nightly)).isFalse();
        } finally {
            scheduler.unscheduleJob(QuartzSchedules.retryKey("nightly"));
        }
        assertThat(quartz.retryPending(nightly)).isFalse();
    }

    @Test
    void aWeekWhoseDaysARerunHoldsWaitsForItThenRenders() {
        // a statistician's rerun of the quarter still running at 02:30 on Monday: the 周报 was FAILED for good (review)
        clock.set(OffsetDateTime.parse("2022-10-24T02:30:00+08:00").toInstant());
        finished("nightly", D23, "DONE");
        finished("weekly", LocalDate.of(2022, 10, 10), "DONE");
        work.heldByAnotherRun(LocalDate.of(2022, 10, 20));
        ScheduleDefinition weekly = definitions.get("weekly");
        List<Duration> retries = new java.util.ArrayList<>();

        assertThat(runner.run(weekly, quartz.node(), retries::add)).singleElement().asString()
                .isEqualTo("2022-10-17 WAITING (another run (a rerun, a nightly or a load by hand) is working on these days; "
                        + "looking again in PT5M)");
        assertThat(retries).containsExactly(ScheduleRunner.BUSY_LOOK_INTERVAL);
        assertThat(context.getBean(ScheduledRuns.class).latest(5)).filteredOn(p -> p.schedule().equals("weekly") && p.status().equals("WAITING"))
                .singleElement().satisfies(p -> assertThat(p.reason())
                        .isEqualTo("另一项任务（重算、手动日报或载入）正在处理这些日期，完成后自动生成；5 分钟后再查看"));

        work.released(LocalDate.of(2022, 10, 20));
        assertThat(runner.run(weekly, quartz.node(), retries::add)).asString().isEqualTo("[2022-10-17 DONE]");
        assertThat(work.calls().days("range", null)).containsExactly(LocalDate.of(2022, 10, 17));
    }

    /**
     * A night whose failure cannot be recorded (the database gone longer than the pool waits) is still tried again:
     * the record failed before the retry was asked, and the night stayed RUNNING until the next cron (review 29).
     */
    @Test
    void aNightWhoseFailureCannotBeRecordedIsTriedAgainAllTheSame() {
        clock.set(TUESDAY_0130);
        finished("nightly", D23, "DONE");
        work.failing(D24);
        jdbc.execute("CREATE FUNCTION refuse_failed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.status = 'FAILED' THEN RAISE EXCEPTION 'the database is gone'; END IF; RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER refuse_failed BEFORE UPDATE ON schedule_run FOR EACH ROW EXECUTE FUNCTION refuse_failed()");
        List<Duration> retries = new java.util.ArrayList<>();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> runner.run(definitions.get("nightly"), quartz.node(), retries::add))
                    .hasMessageContaining("the database is gone");
        } finally {
            jdbc.execute("DROP TRIGGER refuse_failed ON schedule_run");
            jdbc.execute("DROP FUNCTION refuse_failed()");
        }
        assertThat(retries).containsExactly(Duration.ofSeconds(1));
        // and a fire that failed so asks its retry until the scheduler takes it: a night's, before its deadline
        assertThat(runner.retryAfterFailedFire(definitions.get("nightly"))).hasValue(Duration.ofSeconds(1));
        // a week's, on the two days after it (its next fire is a week away), every 15 minutes; not later (review 29c)
        assertThat(runner.retryAfterFailedFire(definitions.get("weekly"))).hasValue(Duration.ofMinutes(15));
        clock.set(OffsetDateTime.parse("2022-10-26T01:30:00+08:00").toInstant());
        assertThat(runner.retryAfterFailedFire(definitions.get("weekly"))).isEmpty();
        clock.set(OffsetDateTime.parse("2022-10-25T07:31:00+08:00").toInstant());
        assertThat(runner.retryAfterFailedFire(definitions.get("nightly"))).isEmpty();
        int[] asked = {0};
        assertThat(ScheduledRunJob.retryAsked(() -> {
            if (++asked[0] < 3) {
                throw new IllegalStateException("the database is gone");
            }
        }, Duration.ZERO, 5, () -> false)).isTrue();
        assertThat(asked[0]).isEqualTo(3);
        assertThat(ScheduledRunJob.retryAsked(() -> {
            throw new IllegalStateException("the database is gone");
        }, Duration.ZERO, 5, () -> false)).isFalse();
    }

    @Test
    void aFailedNightIsTriedAgainUntilItsDropLoads_andTheWeekWaitsForIt(org.springframework.boot.test.system.CapturedOutput output) {
        mondayAfterSaturdaysDropCouldNotBeRead();
        ScheduleDefinition nightly = definitions.get("nightly");
        ScheduleDefinition weekly = definitions.get("weekly");
        List<Duration> retries = new java.util.ArrayList<>();

        assertThat(runner.run(nightly, quartz.node(), retries::add)).asString()
                .isEqualTo("[2022-10-22 FAILED; tried again in PT1S, 2022-10-23 FAILED; tried again in PT1S]");
        assertThat(retries).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        // why, for the statisticians' /runs page: one line, the account number masked
        assertThat(context.getBean(ScheduledRuns.class).latest(5)).filteredOn(p -> p.day().equals(D22)).singleElement()
                .satisfies(p -> assertThat(p.statusName()).isEqualTo("失败"))
                .extracting(ScheduledRuns.Period::detail).isEqualTo("drop 2022-10-22 not loaded: /inbox/2022-10-22/cases.csv: "
                        + "required column 'loss_amount' missing from the header (first row ************7890)");
        // the log says it in one line, as /runs does, with no stack trace at every retry (tester B)
        assertThat(output.getAll()).contains("nightly 2022-10-22: the work failed: drop 2022-10-22 not loaded: /inbox/2022-10-22/cases.csv: "
                        + "required column 'loss_amount' missing from the header (first row ************7890)")
                .doesNotContain("\tat org.fraudstats");

        // the week does not take the failed Saturday for finished: rendered now it would say 数据未到 of a day
        // whose drop came, and leave its figures out
        assertThat(runner.run(weekly, quartz.node(), retries::add)).singleElement().asString()
                .isEqualTo("2022-10-17 WAITING (the nightly run of 2022-10-22 failed and is tried again; looking again in PT1S)");
        assertThat(work.calls().days("range", null)).isEmpty();
        // /runs says what the week waits for, as the log does (tester A)
        assertThat(context.getBean(ScheduledRuns.class).latest(5)).filteredOn(p -> p.schedule().equals("weekly") && p.status().equals("WAITING")).singleElement()
                .extracting(ScheduledRuns.Period::detail).isEqualTo("the nightly run of 2022-10-22 failed and is tried again; looking again in PT1S");

        // the drop replaced in the inbox: the next look loads it, Sunday is not run again, and the week renders
        work.fixed(D22);
        work.fixed(D23);
        work.calls().clear();
        assertThat(runner.run(nightly, quartz.node(), retries::add)).asString().isEqualTo("[2022-10-22 DONE, 2022-10-23 DONE]");
        assertThat(work.calls().days("nightly", null)).containsExactly(D22, D23);
        assertThat(runner.run(weekly, quartz.node(), retries::add)).asString().isEqualTo("[2022-10-17 DONE]");
        assertThat(statuses()).containsExactly("2022-10-21 DONE", "2022-10-22 DONE", "2022-10-23 DONE");
        assertThat(jdbc.queryForObject("SELECT detail FROM schedule_run WHERE schedule = 'nightly' AND business_day = ?",
                String.class, D22)).isNull();

        // a failed week is not tried again by itself (a rerun renders it), a week later or ever
        jdbc.update("UPDATE schedule_run SET status = 'FAILED' WHERE schedule = 'weekly' AND business_day = '2022-10-17'");
        work.calls().clear();
        assertThat(runner.run(weekly, quartz.node(), retries::add)).isEmpty();
        assertThat(work.calls().days("range", null)).isEmpty();

        // a night that failed over a week ago is left to `nightly --date` (7 nights are tried again: 10-24..10-30 on
        // the 31st), and no week waits for it
        jdbc.update("UPDATE schedule_run SET status = 'FAILED' WHERE schedule = 'nightly' AND business_day = ?", D22);
        jdbc.update("UPDATE schedule_run SET status = 'DONE' WHERE schedule = 'weekly' AND business_day = '2022-10-17'");
        clock.set(OffsetDateTime.parse("2022-10-31T01:30:00+08:00").toInstant());
        work.calls().clear();
        runner.run(nightly, quartz.node(), retries::add);
        assertThat(work.calls().days("nightly", null)).doesNotContain(D22).contains(LocalDate.of(2022, 10, 30));
        assertThat(statuses()).contains("2022-10-22 FAILED");
        assertThat(runner.run(weekly, quartz.node(), retries::add)).asString().isEqualTo("[2022-10-24 DONE]");
    }

    @Test
    void theBusinessDayIsBeijingsWhateverZoneTheCronFiresIn() {
        // 22:45 in Beijing on 10-24 is already 10-25 in Kiritimati (UTC+14): 10-24 is not over, its night not due
        clock.set(OffsetDateTime.parse("2022-10-24T22:45:00+08:00").toInstant());
        finished("nightly", D22, "DONE");
        ScheduleDefinition inTest = definitions.get("nightly");
        ScheduleDefinition kiritimati = new ScheduleDefinition(inTest.name(), inTest.source(), inTest.description(), true,
                inTest.work(), inTest.cadence(), "0 * * * * ?", java.time.ZoneId.of("Pacific/Kiritimati"), inTest.inbox(),
                inTest.out(), inTest.retryInterval(), inTest.deadline());

        assertThat(runner.run(kiritimati, quartz.node(), wait -> { })).asString().isEqualTo("[2022-10-23 DONE]");
        assertThat(work.calls().days("nightly", null)).containsExactly(D23);
    }

    @Test
    void aWeeklyBulletinDoesNotWaitForANightStuckForHoursNorForANightlyThatNeverRan() {
        clock.set(OffsetDateTime.parse("2022-10-24T09:00:00+08:00").toInstant());
        ScheduleDefinition weekly = definitions.get("weekly");
        finished("weekly", LocalDate.of(2022, 10, 3), "DONE");
        // a new deployment: the nightly's first fire runs its own yesterday, not the weeks before it
        assertThat(runner.run(weekly, quartz.node(), wait -> fail("no wait"))).asString()
                .isEqualTo("[2022-10-10 DONE, 2022-10-17 DONE]");
        jdbc.update("DELETE FROM schedule_run WHERE schedule = 'weekly' AND business_day = '2022-10-17'");

        // Sunday claimed at 01:30 by a node that died, in a cluster whose other node fires again only next night
        finished("nightly", D22, "DONE");
        jdbc.update("INSERT INTO schedule_run (schedule, business_day, status, started_at, instance) "
                + "VALUES ('nightly', ?, 'RUNNING', ?, 'dead-node')", D23,
                OffsetDateTime.parse("2022-10-24T01:30:00+08:00"));
        assertThat(runner.run(weekly, quartz.node(), wait -> fail("no wait"))).singleElement().asString()
                .isEqualTo("2022-10-17 DONE");
    }

    @Test
    void aNightLeftRunningByANodeThatDiedIsTakenOverByTheNextFire() throws Exception {
        clock.set(TUESDAY_0130);
        finished("nightly", D23, "DONE");
        claimedBy("crashed-node", D24); // its process died mid-run: no connection, no lock

        scheduler.triggerJob(QuartzSchedules.jobKey("nightly"));

        Await.until(Duration.ofSeconds(20), () -> "DONE".equals(status(D24)), this::runs);
        assertThat(work.calls().days("nightly", null)).containsExactly(D24);
        assertThat(jdbc.queryForObject("SELECT instance FROM schedule_run WHERE schedule = 'nightly' AND business_day = ?",
                String.class, D24)).isEqualTo(quartz.node().instance());
    }

    @Test
    void aNightRunningOnALiveNodeIsLeftToItHoweverLongItTakes() {
        clock.set(TUESDAY_0130);
        finished("nightly", D23, "DONE");
        claimedBy("slow-node", D24);
        ScheduleDefinition nightly = definitions.get("nightly");
        // the slow node is alive: it holds the night's lock on a connection of its own
        try (RunLock.Held alive = runLock.period("nightly", D24).orElseThrow()) {
            List<ScheduleRunner.Outcome> outcomes = runner.run(nightly, quartz.node(), wait -> fail("no wait"));
            assertThat(outcomes).singleElement().asString().startsWith("2022-10-24 RUNNING elsewhere (slow-node since ")
                    .endsWith("), skipped");
            assertThat(work.calls().days("nightly", null)).isEmpty();
            assertThat(status(D24)).isEqualTo("RUNNING");
        }
        // the slow node dies before finishing: the next fire takes the night over
        List<ScheduleRunner.Outcome> outcomes = runner.run(nightly, quartz.node(), wait -> fail("no wait"));
        assertThat(outcomes).singleElement().asString().isEqualTo("2022-10-24 DONE, taken over from slow-node");
        assertThat(work.calls().days("nightly", null)).containsExactly(D24);
    }

    @Test
    void serveBlocksUntilInterruptedThenReturnsZero() throws Exception {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread serving = new Thread(() -> exit.complete(serve.run()), "serve");
        serving.start();
        Await.until(Duration.ofSeconds(10), () -> serving.getState() == Thread.State.WAITING, () -> "serve is " + serving.getState());
        assertThat(exit).isNotDone();

        serving.interrupt();

        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }

    /** Monday 01:30: Saturday's drop cannot be read (a column renamed); Sunday's is fine, the week before done. */
    private void mondayAfterSaturdaysDropCouldNotBeRead() {
        clock.set(OffsetDateTime.parse("2022-10-24T01:30:00+08:00").toInstant());
        finished("nightly", LocalDate.of(2022, 10, 21), "DONE");
        finished("weekly", LocalDate.of(2022, 10, 10), "DONE");
        // as the pipeline does: drops load in date order, so Sunday's night fails on Saturday's drop too
        work.failing(D22);
        work.failing(D23);
    }

    private void finished(String schedule, LocalDate day, String status) {
        jdbc.update("INSERT INTO schedule_run (schedule, business_day, status, started_at, finished_at, instance) "
                + "VALUES (?, ?, ?, now(), now(), 'earlier')", schedule, day, status);
    }

    private void claimedBy(String instance, LocalDate day) {
        jdbc.update("INSERT INTO schedule_run (schedule, business_day, status, started_at, instance) "
                + "VALUES ('nightly', ?, 'RUNNING', now(), ?)", day, instance);
    }

    private String status(LocalDate day) {
        List<String> s = jdbc.queryForList("SELECT status FROM schedule_run WHERE schedule = 'nightly' AND business_day = ?",
                String.class, day);
        return s.isEmpty() ? null : s.get(0);
    }

    private List<String> statuses() {
        return jdbc.queryForList("SELECT business_day || ' ' || status FROM schedule_run WHERE schedule = 'nightly' "
                + "ORDER BY business_day", String.class);
    }

    private String runs() {
        return "schedule_run " + statuses() + ", calls " + work.calls().list;
    }

    private String env(String key) {
        return context.getEnvironment().getProperty(key);
    }

    /** A jobs-dir with the given files (name, content, name, content, ...). */
    static Path jobsDir(String... namesAndContents) {
        try {
            Path dir = Files.createDirectories(TestPostgres.tempHome().resolve("jobs"));
            for (int i = 0; i < namesAndContents.length; i += 2) {
                Files.writeString(dir.resolve(namesAndContents[i]), namesAndContents[i + 1]);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
