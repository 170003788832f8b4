package org.fraudstats.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.fraudstats.FraudstatsApplication;
import org.fraudstats.support.TestClock;
import org.fraudstats.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two `serve` nodes (two application contexts, each with its own Quartz scheduler and connection pool) on one
 * database, clustered. Business time runs a day per second, and node b's clock is 7 hours ahead of node a's
 * (drift): the nightly cron fires every second, so both nodes keep firing for days that are due, and each day
 * must still run exactly once in total, oldest first, never two at a time.
 *
 * <p>In one JVM, Quartz's DBConnectionManager is global: both schedulers' job stores take connections from the
 * pool of the context started last. Their locks are still separate transactions on the same database, and
 * schedule_run is written through each context's own pool.
 */
class TwoNodesTest {

    static final FakeWork.Calls CALLS = new FakeWork.Calls();
    static final TestClock CLOCK = new TestClock(OffsetDateTime.parse("2022-10-10T01:30:00+08:00").toInstant(), 86_400);
    static final Clock DRIFTED = Clock.offset(CLOCK, Duration.ofHours(7));

    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    /** Each node's clock and fake pipeline; node b's clock runs ahead. Plain class, so no scan picks it up. */
    static class NodeBeans {
        @Bean
        @Primary
        Clock testClock(Environment environment) {
            return "b".equals(environment.getProperty("test.node")) ? DRIFTED : CLOCK;
        }

        @Bean
        @Primary
        FakeWork fakeWork(Environment environment, Clock clock) {
            return new FakeWork(environment.getProperty("test.node"), CALLS, clock, Duration.ofMillis(100));
        }
    }

    @BeforeAll
    static void twoNodesOnOneDatabase() {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        // one output folder for both nodes, as in a deployment: each has its own fraudstats.home
        Path jobs = NightlyRunTest.jobsDir("nightly.yml", "cron: \"* * * * * ?\"\nout: " + TestPostgres.tempHome() + "/out\n",
                "weekly.yml", "enabled: false\n", "monthly.yml", "enabled: false\n");
        a = node("a", db, jobs);
        b = node("b", db, jobs);
    }

    /**
     * The nodes' calls are counted across tests: the race below runs both nodes at once on purpose, and would
     * otherwise leave a maximum of two in flight to the test that asserts one.
     */
    @BeforeEach
    void forgetCalls() {
        CALLS.clear();
    }

    @AfterAll
    static void stop() throws Exception {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {a, b}) {
            if (node != null) {
                node.getBean(Scheduler.class).standby();
            }
        }
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    static ConfigurableApplicationContext node(String name, TestPostgres.Database db, Path jobs) {
        // as arguments, not builder properties: those are defaults, below application.properties
        return new SpringApplicationBuilder(FraudstatsApplication.class, NodeBeans.class).run(
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--fraudstats.home=" + TestPostgres.tempHome(),
                "--fraudstats.account-key=test-key-of-both-nodes-not-for-production",
                "--fraudstats.jobs-dir=" + jobs,
                "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000",
                // a node that finds nothing to fire looks again after a second, not 30
                "--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000",
                "--test.node=" + name);
    }

    @Test
    void twoServeNodesOnOneDatabaseRunEachNightExactlyOnce() throws Exception {
        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
        jdbc.update("INSERT INTO schedule_run (schedule, business_day, status, started_at, finished_at, instance) "
                + "VALUES ('nightly', DATE '2022-10-05', 'DONE', now(), now(), 'earlier')");
        Path out = a.getBean(ScheduleDefinitions.class).get("nightly").out();
        CLOCK.set(OffsetDateTime.parse("2022-10-10T01:30:00+08:00").toInstant());

        a.getBean(Serve.class).start();
        b.getBean(Serve.class).start();
        awaitNight(out, LocalDate.of(2022, 10, 10));
        // node a goes away for a while (its scheduler stands by): b carries on without repeating a night
        a.getBean(Scheduler.class).standby();
        awaitNight(out, LocalDate.of(2022, 10, 13));
        a.getBean(Scheduler.class).start();
        awaitNight(out, LocalDate.of(2022, 10, 15));
        a.getBean(Scheduler.class).standby();
        b.getBean(Scheduler.class).standby();
        Await.until(Duration.ofSeconds(20), () -> idle(a) && idle(b) && CALLS.inFlight.get() == 0, () -> "still running");

        List<LocalDate> days = CALLS.days("nightly", out);
        assertThat(days).doesNotHaveDuplicates().isSorted();
        assertThat(days.get(0)).isEqualTo(LocalDate.of(2022, 10, 6));
        for (int i = 1; i < days.size(); i++) {
            assertThat(days.get(i)).as("the day after " + days.get(i - 1)).isEqualTo(days.get(i - 1).plusDays(1));
        }
        assertThat(CALLS.maxInFlight.get()).as("nightly runs at once").isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT business_day FROM schedule_run WHERE schedule = 'nightly' AND status = 'DONE' "
                + "AND business_day > DATE '2022-10-05' ORDER BY business_day", LocalDate.class)).isEqualTo(days);
        Map<String, Long> byNode = CALLS.list.stream().filter(c -> c.what().equals("nightly") && c.out().equals(out))
                .collect(Collectors.groupingBy(FakeWork.Call::node, Collectors.counting()));
        System.err.println("TwoNodesTest: " + days.size() + " nights " + days.get(0) + ".." + days.get(days.size() - 1)
                + ", run by node " + byNode);
        assertThat(byNode.get("b")).as("nights run by node b").isPositive();
    }

    @Test
    void claimsKeepANightToOneNodeEvenWhenBothRunTheScheduleAtOnce() throws Exception {
        // Bypasses Quartz (which never runs one schedule twice at once): both nodes' runners race for the same days.
        ScheduleDefinition nightly = a.getBean(ScheduleDefinitions.class).get("nightly");
        Path raceOut = nightly.out().resolveSibling("race-out");
        ScheduleDefinition race = new ScheduleDefinition("race", "test", "race", true, nightly.work(), nightly.cadence(),
                nightly.cron(), nightly.zone(), nightly.inbox(), raceOut, nightly.retryInterval(), nightly.deadline());
        a.getBean(JdbcTemplate.class).update("INSERT INTO schedule_run (schedule, business_day, status, started_at, "
                + "finished_at, instance) VALUES ('race', DATE '2022-09-30', 'DONE', now(), now(), 'earlier')");
        CLOCK.set(OffsetDateTime.parse("2022-10-10T01:30:00+08:00").toInstant());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<ScheduleRunner.Outcome>>> results = new ArrayList<>();
            for (ConfigurableApplicationContext node : List.of(a, b)) {
                ScheduleRunner runner = node.getBean(ScheduleRunner.class);
                ScheduleRuns.Node id = new ScheduleRuns.Node("quartzScheduler", "race-" + node.getEnvironment().getProperty("test.node"));
                results.add(pool.submit(() -> {
                    go.await();
                    return runner.run(race, id, wait -> {
                        throw new AssertionError("no drop is missing");
                    });
                }));
            }
            go.countDown();
            List<LocalDate> ran = new ArrayList<>();
            for (Future<List<ScheduleRunner.Outcome>> result : results) {
                result.get().stream().filter(o -> o.status() == ScheduleRuns.Status.DONE).forEach(o -> ran.add(o.day()));
            }
            assertThat(ran).doesNotHaveDuplicates().contains(LocalDate.of(2022, 10, 1), LocalDate.of(2022, 10, 9));
            assertThat(a.getBean(JdbcTemplate.class).queryForList("SELECT instance FROM schedule_run WHERE schedule = 'race' "
                    + "AND status = 'DONE' AND instance LIKE 'race-%'", String.class)).hasSameSizeAs(ran);
            assertThat(CALLS.days("nightly", raceOut)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ran);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until some node has run the night {@code day} (nights run in order, so all before it too). */
    private static void awaitNight(Path out, LocalDate day) {
        Await.until(Duration.ofSeconds(30), () -> CALLS.days("nightly", out).stream().anyMatch(d -> !d.isBefore(day)),
                () -> "nightly calls " + CALLS.days("nightly", out));
    }

    private static boolean idle(ConfigurableApplicationContext node) {
        try {
            return node.getBean(Scheduler.class).getCurrentlyExecutingJobs().isEmpty();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
