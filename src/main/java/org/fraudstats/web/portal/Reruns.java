package org.fraudstats.web.portal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.fraudstats.audit.AuditWords;
import org.fraudstats.bulletin.BulletinPublisher;
import org.fraudstats.bulletin.MissingData;
import org.fraudstats.bulletin.Rerun;
import org.fraudstats.delivery.Deliveries;
import org.fraudstats.metrics.RollupMismatch;
import org.fraudstats.settings.BusinessTime;
import org.fraudstats.storage.DigitRuns;
import org.fraudstats.storage.FraudstatsHome;
import org.fraudstats.storage.RunLock;
import org.fraudstats.storage.SqlFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Reruns started from the portal: the same Batch job as `./fraudstats rerun` (bulletin's {@link Rerun}), under the
 * same lock of its days, so they show in `history`, can be restarted from the command line, and refuse a range
 * another run is working on. The job runs on a thread of its own: the request returns as soon as the job's execution
 * exists, and the page or script follows it by its id. What a rerun would render is {@link RerunPlans}'.
 */
@Service
public class Reruns {

    private static final Logger log = LoggerFactory.getLogger(Reruns.class);
    private static final Duration WAIT_FOR_EXECUTION = Duration.ofSeconds(30);
    /**
     * Reruns this server runs at once, started or restarted from the portal or the API. Each holds a connection for
     * its days' lock and one per render thread while it renders a day; serve's pool has 12 (cli/ServeCommand), which
     * the pages, sign-ins and the nightly job need too. Commands (`fraudstats rerun`) have pools of their own.
     */
    static final int AT_ONCE = 3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    /** Spring Batch's statuses of a job as /runs and a rerun's page say them. */
    public static final Map<String, String> STATUS_NAMES = Map.of("STARTING", "正在启动", "STARTED", "运行中",
            "STOPPING", "正在停止", "STOPPED", "已停止", "FAILED", "失败", "COMPLETED", "完成", "ABANDONED", "已放弃",
            "UNKNOWN", "状态未知");

    /** A rerun's state (web.md's GET /api/v1/reruns/{id}); {@code startedAt}/{@code endedAt} in Asia/Shanghai. */
    public record State(long id, BatchStatus status, LocalDate from, LocalDate to, int done, int total,
                        String startedAt, String endedAt, String message, Long restartedAs) {

        public boolean running() {
            return status.isRunning();
        }

        /** The status in the pages' words; the code stays in the API and in the page's title (r34a: FAILED on a Chinese page). */
        public String statusName() {
            return STATUS_NAMES.getOrDefault(status.name(), status.name());
        }

        /** Failed or stopped, and not restarted since: a restarted one goes on as its restart, whose page has the button. */
        public boolean restartable() {
            return (status == BatchStatus.FAILED || status == BatchStatus.STOPPED) && restartedAs == null;
        }
    }

    /**
     * A request the caller can correct or retry later: unknown id, not a rerun, not running, not restartable. Said in
     * both languages: /runs flashed the English line on its Chinese page (retest 31).
     */
    public static class Refused extends SaidInBoth {
        Refused(String english, String chinese) {
            super(english, chinese);
        }
    }

    /**
     * A rerun or restart refused because rollups differ from the facts: no state that passes (a 503 with Retry-After
     * had scripts ask again every 30 s, each time checking the rollups and writing two audit rows: review 29b), but
     * one an operator mends with `verify --repair`. Audited as {@link #AUDIT_RESULT}.
     */
    public static class RollupsDiffer extends Refused {
        public static final String AUDIT_RESULT = "refused: rollups differ from the facts";

        RollupsDiffer(String message, String chinese) {
            super(message, chinese);
        }
    }

    /**
     * A rerun or restart refused because {@link #AT_ONCE} of this server's reruns are running: answered 503 with
     * Retry-After at once and audited {@link #AUDIT_RESULT}, before anything is launched. Unbounded, twelve reruns asked
     * at once took every connection of the pool: sign-ins and figure reads waited 30 s, most requests were answered
     * "database not reachable" or "did not start within 30 s", and some of those ran and published after all, audited
     * as failures (r41c).
     */
    public static class Busy extends Refused {
        public static final String AUDIT_RESULT = "busy";

        Busy() {
            super(AT_ONCE + " reruns are running on this server already, the most at once: try again when one has ended",
                    "本服务器已有 " + AT_ONCE + " 个重算在运行，已达同时运行的上限：请等其中一个结束后再试。");
        }
    }

    /**
     * A rerun or restart that failed before its job execution existed (the job repository failing, the database
     * gone): nothing was rendered, and the message says so in one line with what to do.
     */
    public static class NotStarted extends RuntimeException {
        private final boolean mayStillStart;
        private final String chinese;

        NotStarted(String message, String chinese, Throwable cause) {
            this(message, chinese, cause, false);
        }

        NotStarted(String message, String chinese, Throwable cause, boolean mayStillStart) {
            super(message, cause);
            this.chinese = chinese;
            this.mayStillStart = mayStillStart;
        }

        /** Whether it may yet start (it did not within the wait): then asking again may start it twice. */
        public boolean mayStillStart() {
            return mayStillStart;
        }

        /** What /runs says (the API answers the English line). */
        public String chinese() {
            return chinese;
        }
    }

    private final Rerun rerun;
    private final RunLock runLock;
    private final Deliveries deliveries;
    private final FraudstatsHome home;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final NamedParameterJdbcTemplate jdbc;
    private final RerunPlans plans;
    private final MissingData missingData;
    private final PortalAudit audit;
    private final SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("portal-rerun-");
    /** Reruns of this server whose thread has not ended: ended in the repository, they may still hold their days. */
    private final Map<Long, CompletableFuture<Void>> live = new java.util.concurrent.ConcurrentHashMap<>();
    /** Places for reruns running at once ({@link #AT_ONCE}): taken before the days' lock, given back when the thread ends. */
    private final java.util.concurrent.Semaphore places = new java.util.concurrent.Semaphore(AT_ONCE);

    Reruns(Rerun rerun, RunLock runLock, Deliveries deliveries, FraudstatsHome home, JobRepository jobRepository,
           JobOperator jobOperator, NamedParameterJdbcTemplate jdbc, RerunPlans plans, PortalAudit audit, MissingData missingData) {
        this.missingData = missingData;
        this.plans = plans;
        this.audit = audit;
        this.rerun = rerun;
        this.runLock = runLock;
        this.deliveries = deliveries;
        this.home = home;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.jdbc = jdbc;
    }

    /** What the audit log names a rerun of [from, to] by, whoever records it (the request, its start, a refusal). */
    public static String auditObject(LocalDate from, LocalDate to, boolean range) {
        return from + ".." + to + (range ? " with the range bulletin" : "");
    }

    /**
     * Starts a rerun of [from, to] into the default output folder, with the bulletin of the whole range when
     * {@code range} (as `rerun --range`), and returns its job execution id once it exists.
     *
     * @throws RunLock.Refused when another run (a rerun, a nightly) holds some of the days
     * @throws org.fraudstats.metrics.RollupCheck.OutsizedAmounts when a day its bulletins read holds an amount no bulletin prints
     */
    public long start(LocalDate from, LocalDate to, Set<BulletinPublisher.Format> formats, boolean range) {
        plans.requireRecords(from, to);
        plans.requireNoOutsizedAmounts(from, to, range);
        // recorded before anything runs: a rerun publishes to leadership, and one the audit log cannot record
        // (its insert refused, the disk full) must not (MLPS: the audit covers every important action)
        audit.record("rerun", auditObject(from, to, range), "requested");
        RunLock.Held held = placeAndDays("rerun", from, to);
        Path out = home.defaultOut();
        return launch(held, from, to, audit.who(), "rerun", id -> auditObject(from, to, range) + " (job execution " + id + ")",
                () -> rerun.run(from, to, out, formats, range));
    }

    /**
     * Restarts a failed or stopped rerun (only its unfinished days are rendered), or one Batch left UNKNOWN (Rerun marks
     * it failed first, under its days' lock); returns the new execution's id.
     */
    public long restart(long id) {
        JobExecution execution = execution(id);
        Rerun.Days days = execution == null ? null : rerun.days(execution).orElse(null);
        if (days == null) {
            throw new NotFound("no rerun " + id, "没有编号为 " + id + " 的重算");
        }
        if (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED
                && execution.getStatus() != BatchStatus.UNKNOWN && !execution.getStatus().isRunning()) {
            throw new Refused("rerun " + id + " is " + execution.getStatus() + ": only a failed or stopped rerun can be restarted",
                    "重算 " + id + " 的状态是 " + execution.getStatus() + "：只有失败或已停止的重算可以重新开始。");
        }
        if (live.containsKey(id)) {
            // its thread still renders the day it was on and holds the days: the lock refused the restart as "another
            // run … is working on these days", and that run was this one (r37c)
            boolean stopping = execution.getStatus() == BatchStatus.STOPPING || execution.getStatus() == BatchStatus.STOPPED
                    || execution.getStatus() == BatchStatus.FAILED;
            throw stopping
                    ? new Refused("rerun " + id + " is still stopping (finishing the day it was on): restart it once its status is "
                            + "no longer STOPPING (STOPPED or FAILED)", "重算 " + id + " 正在停止（在完成手头的那一天）：状态变为已停止或失败后再重新开始。")
                    : new Refused("rerun " + id + " is still running: only a failed or stopped rerun can be restarted",
                            "重算 " + id + " 仍在运行：只有失败或已停止的重算可以重新开始。");
        }
        JobExecution latest = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (latest != null && latest.getId() != id && latest.getStatus() == BatchStatus.COMPLETED) {
            // restarted already, and done: Batch's refusal was its parameters and server paths, answered 503 "try again",
            // which never could succeed (tester), where the command line says this
            throw new Refused("rerun " + id + " was restarted as rerun " + latest.getId() + ", which completed: there is nothing to restart",
                    "重算 " + id + " 已作为重算 " + latest.getId() + " 重新开始并已完成：没有需要重新开始的部分。");
        }
        // its days' bulletins refuse an outsized amount (BulletinPublisher): refused before it starts, as a rerun is,
        // not started to fail again on its first day (review 32c)
        plans.requireNoOutsizedAmounts(days.from(), days.to(), days.range());
        audit.record("rerun-restart", "job execution " + id, "requested");
        // a rerun marked running whose process died is recovered by Rerun.restart, under the lock that proves it died
        RunLock.Held held = placeAndDays("restart " + id, days.from(), days.to());
        Path out = home.defaultOut();
        return launch(held, days.from(), days.to(), audit.who(), "rerun-restart", again -> "job execution " + id + " as " + again,
                () -> rerun.restart(execution));
    }

    /** Asks a running rerun to stop; it ends STOPPED after the days being rendered, and can be restarted. */
    public void stop(long id) {
        JobExecution asked = rerunExecution(id);
        if ((asked.getStatus() == BatchStatus.STOPPED || asked.getStatus() == BatchStatus.FAILED) && live.containsKey(id)) {
            // stopped or failed, its thread still on the day it was rendering: STOPPING, by state()'s own rule, and
            // the stop asked again is the stop already under way. It was refused as "not running (STOPPED)", a state
            // no GET had shown, and a script restarting on STOPPED was refused in turn (r34a). Not a completed one
            // still mailing, which state() calls COMPLETED (r34d)
            audit.record("rerun-stop", "job execution " + id, "requested");
            return;
        }
        if (!asked.isRunning()) {
            throw new Refused("rerun " + id + " is not running (" + asked.getStatus() + ")", "重算 " + id + " 不在运行中（" + asked.getStatus() + "）。");
        }
        // recorded before it happens, as a start and a restart are: a stop the audit log cannot record must not be
        // made (it was made, then answered 500 with no row: review 31)
        audit.record("rerun-stop", "job execution " + id, "requested");
        for (int attempt = 1; ; attempt++) {
            JobExecution execution = attempt == 1 ? asked : rerunExecution(id);
            try {
                jobOperator.stop(execution);
                return;
            } catch (JobExecutionNotRunningException e) {
                JobExecution reread = execution(id);
                BatchStatus now = reread == null ? execution.getStatus() : reread.getStatus();
                if (live.containsKey(id) && (now == BatchStatus.STOPPING || now == BatchStatus.STOPPED || now == BatchStatus.FAILED)) {
                    // another stop asked at the same instant got there first: its thread still on its day, this stop
                    // is that one under way, as above (r41c: one of five stops at once was told "not running
                    // (STOPPED)" while the rerun went on rendering); not one that completed meanwhile (review r41e)
                    return;
                }
                throw new Refused("rerun " + id + " is not running (" + execution.getStatus() + ")",
                        "重算 " + id + " 不在运行中（" + execution.getStatus() + "）。");
            } catch (OptimisticLockingFailureException e) {
                // the job saved its execution between our read and the stop (a stop asked as it starts): stop the
                // execution as it is now, instead of answering 500 to a request nothing was wrong with
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    public Optional<State> state(long id) {
        JobExecution execution = execution(id);
        if (execution == null) {
            return Optional.empty();
        }
        JobExecution looked = settledIfDead(execution);
        return rerun.days(looked).map(days -> {
            Integer done = jdbc.queryForObject(SqlFiles.load("web/rerun-days-done.sql"), Map.of("id", id), Integer.class);
            int total = (int) (days.to().toEpochDay() - days.from().toEpochDay() + 1);
            BatchStatus status = looked.getStatus();
            String message = status == BatchStatus.FAILED ? RerunFailures.failure(looked) : null;
            // a restart is a new execution of the same job instance: the last one is where this rerun went on
            JobExecution latest = status == BatchStatus.FAILED || status == BatchStatus.STOPPED
                    ? jobRepository.getLastJobExecution(looked.getJobInstance()) : null;
            Long restartedAs = latest != null && latest.getId() != id ? latest.getId() : null;
            if (restartedAs != null) {
                message = (message == null ? "" : message + "; ") + "restarted as rerun " + restartedAs + " (" + latest.getStatus() + ")";
            }
            // a stop can mark the execution STOPPED while its thread still renders the day it was on and holds the
            // days' lock: until the thread ends it is stopping, and cannot be restarted yet
            if (live.containsKey(id) && (status == BatchStatus.STOPPED || status == BatchStatus.FAILED)) {
                status = BatchStatus.STOPPING;
            }
            // and has not ended: the stop wrote an end time that the day still rendering overtook, so a script
            // polling until ended_at was set stopped early, with the wrong end and progress (r33a)
            boolean ended = status != BatchStatus.STOPPING && looked.getEndTime() != null;
            return new State(id, status, days.from(), days.to(), done == null ? 0 : Math.min(done, total), total,
                    time(looked.getStartTime()), ended ? time(looked.getEndTime()) : null, message, restartedAs);
        });
    }

    private void recordEnd(CompletableFuture<Void> startRecorded, PortalAudit.Who who, String action, String object, long id, String how) {
        try {
            startRecorded.get(WAIT_FOR_EXECUTION.toSeconds() + 30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // recorded out of order rather than not at all
        }
        try {
            audit.record(who, action, object, DigitRuns.mask(how));
        } catch (RuntimeException e) {
            // the rerun has done its work and answered; its end unrecorded is the operator's to know
            log.error("the end of rerun {} was not recorded in the audit log: {}", id, e.getMessage());
        }
    }

    private String how(Rerun.Result result, LocalDate from, LocalDate to) {
        return switch (result.status()) {
            // this execution's own, both: what its page (/runs/ID) lists; with the days its bulletins say 数据未到 for,
            // as the schedule records such a night (it was plain success)
            case COMPLETED -> "success: " + notArrived(from, to)
                    .map(days -> AuditWords.RERUN_DONE_NOT_ARRIVED.line(result.renderedNow(), result.publishedNow(), days))
                    .orElseGet(() -> AuditWords.RERUN_DONE.line(result.renderedNow(), result.publishedNow()));
            case STOPPED -> "stopped";
            default -> "failure: " + (result.failure() == null ? result.status().toString() : result.failure());
        };
    }

    /**
     * The days of [from, to] whose data had not arrived, named (BusinessTime.daysNamed); none when all had, or the
     * database cannot say now. The rerun pages say them before and after a rerun, as the CLI's rerun does (r44c).
     */
    public Optional<String> notArrived(LocalDate from, LocalDate to) {
        java.util.List<LocalDate> days = daysNotArrived(from, to);
        return days.isEmpty() ? Optional.empty() : Optional.of(BusinessTime.daysNamed(days));
    }

    /** The same days, oldest first (the API's dry run lists them); none when the database cannot say now. */
    public java.util.List<LocalDate> daysNotArrived(LocalDate from, LocalDate to) {
        try {
            return missingData.daysNotArrived(from, to);
        } catch (RuntimeException e) {
            // the rerun is done, or its plan made: a database lost now is not its failure (RerunCommand says the same)
            log.warn("rerun {}..{}: the days not arrived not known: {}", from, to, e.getMessage());
            return java.util.List.of();
        }
    }

    /** {@link Rerun#settledIfDead}, but of a rerun this server's thread still runs (a stop may have marked it ended). */
    private JobExecution settledIfDead(JobExecution execution) {
        return live.containsKey(execution.getId()) ? execution : rerun.settledIfDead(execution);
    }

    /** At serve's start, every rerun its process left marked running is marked FAILED ({@link Rerun#settleDeadReruns}). */
    @org.springframework.context.event.EventListener(org.springframework.boot.web.server.context.WebServerInitializedEvent.class)
    public void settleDeadReruns() {
        try {
            rerun.settleDeadReruns();
        } catch (RuntimeException e) {
            log.warn("the reruns left marked running could not be marked failed: {}", e.getMessage());
        }
    }

    /** The execution, or null when there is none (the JDBC repository raises rather than answer null). */
    private JobExecution execution(long id) {
        try {
            return jobRepository.getJobExecution(id);
        } catch (EmptyResultDataAccessException e) {
            return null;
        }
    }

    private JobExecution rerunExecution(long id) {
        JobExecution execution = execution(id);
        if (execution == null || rerun.days(execution).isEmpty()) {
            throw new NotFound("no rerun " + id, "没有编号为 " + id + " 的重算");
        }
        return execution;
    }

    /**
     * A place among the reruns running at once, then the days' lock; the lock given back gives the place back too (the
     * rerun's thread closes it when it ends, {@link #execute} when no thread was started).
     *
     * @throws Busy when every place is taken
     */
    private RunLock.Held placeAndDays(String what, LocalDate from, LocalDate to) {
        if (!places.tryAcquire()) {
            throw new Busy();
        }
        RunLock.Held days;
        try {
            days = runLock.days(what, from, to);
        } catch (RuntimeException | Error e) {
            places.release();
            throw e;
        }
        java.util.concurrent.atomic.AtomicBoolean held = new java.util.concurrent.atomic.AtomicBoolean(true);
        return () -> {
            try {
                days.close();
            } finally {
                if (held.compareAndSet(true, false)) {
                    places.release();
                }
            }
        };
    }

    private interface Job {
        Rerun.Result run() throws Exception;
    }

    /**
     * Starts the job on a thread of its own and returns its execution's id once it exists, recorded in the audit log
     * as started, and then, by its thread, as ended with what it published (the audit log had "requested" and
     * "started", never an end, tester), in that order.
     *
     * @param objectOf the audit log's object for the execution's id
     */
    private long launch(RunLock.Held held, LocalDate from, LocalDate to, PortalAudit.Who who, String action,
                        java.util.function.LongFunction<String> objectOf, Job job) {
        CompletableFuture<Void> startRecorded = new CompletableFuture<>();
        try {
            long id = execute(held, from, to, startRecorded, who, action, objectOf, job);
            try {
                audit.record(who, action, objectOf.apply(id), "started");
            } catch (RuntimeException e) {
                // the request is recorded and the rerun runs, whatever this record: answered as a failure, it had the
                // caller's catch-all record "failure" for a rerun going on, and a script start it again (review)
                log.error("rerun {} ({}..{}) started, but the audit log could not record it: {}", id, from, to, e.getMessage());
            }
            return id;
        } finally {
            startRecorded.complete(null);
        }
    }

    private long execute(RunLock.Held held, LocalDate from, LocalDate to, CompletableFuture<Void> startRecorded, PortalAudit.Who who,
                         String action, java.util.function.LongFunction<String> objectOf, Job job) {
        long after;
        CompletableFuture<Rerun.Result> ended = new CompletableFuture<>();
        CompletableFuture<Void> threadEnded = new CompletableFuture<>();
        try {
            after = jdbc.queryForObject(SqlFiles.load("web/last-execution.sql"), Map.of(), Long.class);
            threads.execute(() -> {
                Rerun.Result result = null;
                Throwable failure = null;
                try {
                    try (held) {
                        result = job.run();
                        ended.complete(result);
                        // as `rerun` does: the revisions it published are mailed, in a step that never fails the rerun
                        deliveries.afterRerun(result.jobExecutionId(), home.defaultOut(), line -> log.info("{}", line));
                    }
                } catch (Exception | Error e) {
                    failure = e;
                    ended.completeExceptionally(e);
                    log.warn("rerun {}..{} asked on the portal or the API failed: {}", from, to, e.getMessage());
                } finally {
                    // after the lock is released: a restart asked once this rerun shows as ended gets the days
                    threadEnded.complete(null);
                }
                // its end, once no day is held: a failure once its execution existed is an end too. Its execution
                // looked for in a database that may be gone (serve stopping under it closed the pool: an uncaught
                // exception and its trace in the journal, r41f); then the next start marks it failed
                Long id;
                try {
                    id = result != null ? Long.valueOf(result.jobExecutionId()) : failure == null ? null : newest(after, from, to);
                } catch (RuntimeException e) {
                    log.warn("rerun {}..{}: its end was not recorded in the audit log: {}", from, to, Rerun.oneLine(e));
                    return;
                }
                if (id != null) {
                    recordEnd(startRecorded, who, action, objectOf.apply(id), id,
                            result != null ? how(result, from, to) : "failure: " + Rerun.oneLine(failure));
                }
            });
        } catch (RuntimeException | Error e) {
            // a thread that could not be made (out of memory for one) held the place and the lock for good (review r41e)
            held.close();
            throw e;
        }
        long deadline = System.nanoTime() + WAIT_FOR_EXECUTION.toNanos();
        while (System.nanoTime() < deadline) {
            if (ended.isDone()) {
                try {
                    return ended.join().jobExecutionId();
                } catch (CompletionException e) {
                    // failed once its execution existed (marking dead ones failed after it ended…): that is followed
                    Long made = newest(after, from, to);
                    if (made != null) {
                        return made;
                    }
                    // no execution was made, so there is no id to follow: the answer says why, in one line
                    if (e.getCause() instanceof RollupMismatch) {
                        // it stays until the rollups are repaired: trying again finds it again
                        throw new RollupsDiffer("rerun " + from + ".." + to + " refused: " + e.getCause().getMessage(),
                                "重算 " + from + " 至 " + to + " 被拒绝：" + ((RollupMismatch) e.getCause()).chinese());
                    }
                    throw new NotStarted("rerun " + from + ".." + to + " could not start: " + Rerun.oneLine(e.getCause())
                            + "; nothing was rendered, try again", "重算 " + from + " 至 " + to + " 未能开始，未生成任何通报，请再试（"
                            + Rerun.oneLine(e.getCause()) + "）。", e.getCause());
                }
            }
            Long id = newest(after, from, to);
            if (id != null) {
                live.put(id, threadEnded);
                threadEnded.whenComplete((none, failure) -> live.remove(id));
                return id;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new NotStarted("rerun " + from + ".." + to + " did not start within " + WAIT_FOR_EXECUTION.toSeconds()
                + " s; see the runs (history) before trying again", "重算 " + from + " 至 " + to + " 未在 " + WAIT_FOR_EXECUTION.toSeconds()
                + " 秒内开始，可能稍后仍会开始：请先查看运行记录，再决定是否重试。", null, true);
    }

    /** The execution of the rerun job over exactly from..to made after execution {@code after}, if any. */
    private Long newest(long after, LocalDate from, LocalDate to) {
        return jdbc.queryForObject(SqlFiles.load("web/newest-rerun.sql"),
                Map.of("after", after, "from", from.toString(), "to", to.toString()), Long.class);
    }

    /** Batch keeps local times in the JVM's zone; shown in Asia/Shanghai with the offset, as the audit log is. */
    private static String time(LocalDateTime time) {
        return time == null ? null : TIME.format(BusinessTime.jobInstant(time));
    }
}
