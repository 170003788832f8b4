package org.fraudstats.web.portal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fraudstats.audit.AuditWords;
import org.fraudstats.bulletin.BulletinKind;
import org.fraudstats.bulletin.FirstDayLoaded;
import org.fraudstats.bulletin.BulletinPublisher;
import org.fraudstats.bulletin.ReadDays;
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
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Reruns started from the portal: the same Batch job as `./fraudstats rerun` (bulletin's {@link Rerun}), under the
 * same lock of its days, so they show in `history`, can be restarted from the command line, and refuse a range
 * another run is working on. The job runs on a thread of its own: the request returns as soon as the job's execution
 * exists, and the page or script follows it by its id.
 */
@Service
public class Reruns {

    private static final Logger log = LoggerFactory.getLogger(Reruns.class);
    private static final Duration WAIT_FOR_EXECUTION = Duration.ofSeconds(30);
    /** The name of a day's step, before the day (RerunJobConfiguration's partitions: renderDay:day-2022-10-03). */
    private static final String DAY_STEP = "renderDay:day-";
    /** The first line of a trace: an exception's qualified name (group 1 its simple name), then its message (2). */
    private static final Pattern THROWN = Pattern.compile("(?:[a-z_][\\w$]*\\.)+([A-Z][\\w$]*)(?:: (.*))?");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    /** What a dry run answers: the days and the bulletins (folder and formats) the rerun would render. */
    public record Plan(LocalDate from, LocalDate to, List<LocalDate> days, List<String> bulletins, List<DayOutlook> outlook) {

        /** The outlook of the range bulletin, when the rerun renders one (the last of {@link #outlook}), or null. */
        public DayOutlook rangeOutlook() {
            return outlook.isEmpty() || outlook.get(outlook.size() - 1).range() == null ? null : outlook.get(outlook.size() - 1);
        }

        /** The dailies' outlooks, one a day. */
        public List<DayOutlook> dailyOutlook() {
            return outlook.stream().filter(o -> o.range() == null).toList();
        }
    }

    /**
     * What the rerun would do to one day's daily bulletin, before it runs (tester: the dry run listed every day alike,
     * where what matters is which days become a correction mailed to leadership).
     *
     * @param day               the day of a daily bulletin, the first day of the range bulletin
     * @param range             the range bulletin's last day, or null of a daily bulletin
     * @param publishedRevision its latest published revision, or null when none was published
     * @param changedSince      whether a figure it prints may have changed since that revision was rendered
     */
    public record DayOutlook(LocalDate day, LocalDate range, Integer publishedRevision, boolean changedSince) {

        /** first, may-revise or unchanged: the API's word. */
        public String status() {
            return publishedRevision == null ? "first" : changedSince ? "may-revise" : "unchanged";
        }

        /** The page's. */
        public String chinese() {
            if (publishedRevision == null) {
                return "尚未发布：首次发布（不发邮件）";
            }
            // a daily's correction goes to the daily's readers; a range bulletin's only when it is a week or a month
            // someone subscribes to (a 区间 of other days is mailed to no one)
            String mailed = range == null || Deliveries.mailsRange(day, range) ? "并邮件通知" : "（区间通报不发邮件）";
            return changedSince
                    ? "已发布第" + publishedRevision + "版，其后数据有更新：数字如有变化，发布第" + (publishedRevision + 1) + "版" + mailed
                    : "已发布第" + publishedRevision + "版，其后未载入影响本期的数据：重新生成，预计不发布新版";
        }
    }

    /** A rerun's state (web.md's GET /api/v1/reruns/{id}); {@code startedAt}/{@code endedAt} in Asia/Shanghai. */
    public record State(long id, BatchStatus status, LocalDate from, LocalDate to, int done, int total,
                        String startedAt, String endedAt, String message, Long restartedAs) {

        public boolean running() {
            return status.isRunning();
        }

        /** Failed or stopped, and not restarted since: a restarted one goes on as its restart, whose page has the button. */
        public boolean restartable() {
            return (status == BatchStatus.FAILED || status == BatchStatus.STOPPED) && restartedAs == null;
        }
    }

    /** A request the caller can correct or retry later: unknown id, not a rerun, not running, not restartable. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * A rerun or restart refused because rollups differ from the facts: no state that passes (a 503 with Retry-After
     * had scripts ask again every 30 s, each time checking the rollups and writing two audit rows: review 29b), but
     * one an operator mends with `verify --repair`. Audited as {@link #AUDIT_RESULT}.
     */
    public static class RollupsDiffer extends Refused {
        public static final String AUDIT_RESULT = "refused: rollups differ from the facts";

        private final String chinese;

        RollupsDiffer(String message, String chinese) {
            super(message);
            this.chinese = chinese;
        }

        /** What the runs page says (the API answers the English line). */
        public String chinese() {
            return chinese;
        }
    }

    /**
     * A rerun or restart that failed before its job execution existed (the job repository failing, the database
     * gone): nothing was rendered, and the message says so in one line with what to do.
     */
    public static class NotStarted extends RuntimeException {
        private final boolean mayStillStart;

        NotStarted(String message, Throwable cause) {
            this(message, cause, false);
        }

        NotStarted(String message, Throwable cause, boolean mayStillStart) {
            super(message, cause);
            this.mayStillStart = mayStillStart;
        }

        /** Whether it may yet start (it did not within the wait): then asking again may start it twice. */
        public boolean mayStillStart() {
            return mayStillStart;
        }
    }

    private final Rerun rerun;
    private final RunLock runLock;
    private final Deliveries deliveries;
    private final FraudstatsHome home;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final NamedParameterJdbcTemplate jdbc;
    private final FirstDayLoaded firstDayLoaded;
    private final PortalAudit audit;
    private final SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("portal-rerun-");
    /** Reruns of this server whose thread has not ended: ended in the repository, they may still hold their days. */
    private final Map<Long, CompletableFuture<Void>> live = new java.util.concurrent.ConcurrentHashMap<>();

    Reruns(Rerun rerun, RunLock runLock, Deliveries deliveries, FraudstatsHome home, JobRepository jobRepository,
           JobOperator jobOperator, NamedParameterJdbcTemplate jdbc, FirstDayLoaded firstDayLoaded, PortalAudit audit) {
        this.firstDayLoaded = firstDayLoaded;
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

    /** The dry run: nothing is locked, computed or written. */
    public Plan plan(LocalDate from, LocalDate to, Set<BulletinPublisher.Format> formats, boolean range) {
        requireRecords(from, to);
        List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
        List<String> bulletins = new ArrayList<>();
        String extensions = formats.stream().map(Enum::name).sorted().reduce((a, b) -> a + "," + b).orElse("");
        for (LocalDate day : days) {
            bulletins.add("daily/" + day + " (" + extensions + ")");
        }
        if (range) {
            // the folder BulletinFiles writes it to, and the document's name (周报, 月报 or 区间, told by the dates)
            bulletins.add(BulletinKind.RANGE.key() + "/" + BulletinKind.RANGE.period(from, to) + " (" + extensions + ") "
                    + BulletinKind.ofRange(from, to).documentName());
        }
        List<Map.Entry<BulletinKind, ReadDays.Span>> rendered = new ArrayList<>();
        days.forEach(day -> rendered.add(Map.entry(BulletinKind.DAILY, new ReadDays.Span(day, day))));
        if (range) {
            rendered.add(Map.entry(BulletinKind.ofRange(from, to), new ReadDays.Span(from, to)));
        }
        List<DayOutlook> outlook = jdbc.query(SqlFiles.load("web/rerun-outlook.sql"), Map.of("reads", ReadDays.json(rendered)),
                (rs, i) -> new DayOutlook(rs.getObject("date_from", LocalDate.class),
                        "range".equals(rs.getString("kind")) ? rs.getObject("date_to", LocalDate.class) : null,
                        (Integer) rs.getObject("published_revision"), rs.getBoolean("changed_since")));
        return new Plan(from, to, days, bulletins, outlook);
    }

    /**
     * Starts a rerun of [from, to] into the default output folder, with the bulletin of the whole range when
     * {@code range} (as `rerun --range`), and returns its job execution id once it exists.
     *
     * @throws RunLock.Refused when another run (a rerun, a nightly) holds some of the days
     */
    public long start(LocalDate from, LocalDate to, Set<BulletinPublisher.Format> formats, boolean range) {
        requireRecords(from, to);
        // recorded before anything runs: a rerun publishes to leadership, and one the audit log cannot record
        // (its insert refused, the disk full) must not (MLPS: the audit covers every important action)
        audit.record("rerun", auditObject(from, to, range), "requested");
        RunLock.Held held = runLock.days("rerun", from, to);
        Path out = home.defaultOut();
        return launch(held, from, to, audit.who(), "rerun", id -> auditObject(from, to, range) + " (job execution " + id + ")",
                () -> rerun.run(from, to, out, formats, range));
    }

    /**
     * A rerun from the portal or the API starts on or after the first day loaded: a bulletin of a day before it read
     * zeros, published to leadership's archive with nothing to tell it from a quiet day (tester: 2019 of a home whose
     * records begin in 2021). The command line's `rerun`, run on the server, still renders any day, but one before a records-start (cli/RerunCommand).
     *
     * @throws BadInput when nothing was loaded yet or {@code from} is before the first day loaded
     */
    private void requireRecords(LocalDate from, LocalDate to) {
        LocalDate firstDay = firstDayLoaded.get().orElse(null);
        if (firstDay == null) {
            throw new BadInput("nothing has been loaded yet: a bulletin would read zeros for days with no records",
                    "尚未载入任何数据：不能为无记录的日期生成通报。");
        }
        if (from.isBefore(firstDay)) {
            throw new BadInput("no data before " + firstDay + " (" + firstDayLoaded.said(firstDay) + "): a bulletin of an earlier day would read "
                    + "zeros for a time with no records" + (to.isBefore(firstDay) ? "" : "; rerun from " + firstDay),
                    firstDayLoaded.saidInChinese(firstDay) + "，此前没有记录：不能为无记录的日期生成通报"
                            + (to.isBefore(firstDay) ? "。" : "，请从 " + firstDay + " 起重新生成。"));
        }
    }

    /**
     * Restarts a failed or stopped rerun (only its unfinished days are rendered), or one Batch left UNKNOWN (Rerun marks
     * it failed first, under its days' lock); returns the new execution's id.
     */
    public long restart(long id) {
        JobExecution execution = execution(id);
        Rerun.Days days = execution == null ? null : rerun.days(execution).orElse(null);
        if (days == null) {
            throw new NotFound("no rerun " + id);
        }
        if (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED
                && execution.getStatus() != BatchStatus.UNKNOWN && !execution.getStatus().isRunning()) {
            throw new Refused("rerun " + id + " is " + execution.getStatus() + ": only a failed or stopped rerun can be restarted");
        }
        JobExecution latest = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (latest != null && latest.getId() != id && latest.getStatus() == BatchStatus.COMPLETED) {
            // restarted already, and done: Batch's refusal was its parameters and server paths, answered 503 "try again",
            // which never could succeed (tester), where the command line says this
            throw new Refused("rerun " + id + " was restarted as rerun " + latest.getId() + ", which completed: there is nothing to restart");
        }
        audit.record("rerun-restart", "job execution " + id, "requested");
        // a rerun marked running whose process died is recovered by Rerun.restart, under the lock that proves it died
        RunLock.Held held = runLock.days("restart " + id, days.from(), days.to());
        Path out = home.defaultOut();
        return launch(held, days.from(), days.to(), audit.who(), "rerun-restart", again -> "job execution " + id + " as " + again,
                () -> rerun.restart(execution));
    }

    /** Asks a running rerun to stop; it ends STOPPED after the days being rendered, and can be restarted. */
    public void stop(long id) {
        for (int attempt = 1; ; attempt++) {
            JobExecution execution = rerunExecution(id);
            try {
                jobOperator.stop(execution);
                return;
            } catch (JobExecutionNotRunningException e) {
                throw new Refused("rerun " + id + " is not running (" + execution.getStatus() + ")");
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
        return rerun.days(execution).map(days -> {
            Integer done = jdbc.queryForObject(SqlFiles.load("web/rerun-days-done.sql"), Map.of("id", id), Integer.class);
            int total = (int) (days.to().toEpochDay() - days.from().toEpochDay() + 1);
            BatchStatus status = execution.getStatus();
            String message = status == BatchStatus.FAILED ? failure(execution) : null;
            // a restart is a new execution of the same job instance: the last one is where this rerun went on
            JobExecution latest = status == BatchStatus.FAILED || status == BatchStatus.STOPPED
                    ? jobRepository.getLastJobExecution(execution.getJobInstance()) : null;
            Long restartedAs = latest != null && latest.getId() != id ? latest.getId() : null;
            if (restartedAs != null) {
                message = (message == null ? "" : message + "; ") + "restarted as rerun " + restartedAs + " (" + latest.getStatus() + ")";
            }
            // a stop can mark the execution STOPPED while its thread still renders the day it was on and holds the
            // days' lock: until the thread ends it is stopping, and cannot be restarted yet
            if (live.containsKey(id) && (status == BatchStatus.STOPPED || status == BatchStatus.FAILED)) {
                status = BatchStatus.STOPPING;
            }
            return new State(id, status, days.from(), days.to(), done == null ? 0 : Math.min(done, total), total,
                    time(execution.getStartTime()), time(execution.getEndTime()), message, restartedAs);
        });
    }

    /**
     * Why a failed rerun failed, in one line, from what Batch recorded: an execution read back from the repository
     * has lost its exceptions, and keeps only their traces (exit messages). A day's step says what went wrong with
     * that day, so the days come first; then the step over the days and the job; an execution marked failed with no
     * trace at all is one whose process ended before it did (recovered by the next run over its days).
     */
    static String failure(JobExecution execution) {
        List<StepExecution> steps = new ArrayList<>(execution.getStepExecutions());
        steps.sort(Comparator.comparing((StepExecution s) -> !s.getStepName().startsWith(DAY_STEP)).thenComparing(StepExecution::getId));
        for (StepExecution step : steps) {
            String line = step.getStatus() == BatchStatus.FAILED ? traceLine(step.getExitStatus().getExitDescription()) : null;
            if (line != null) {
                return step.getStepName().startsWith(DAY_STEP) ? step.getStepName().substring(DAY_STEP.length()) + ": " + line : line;
            }
        }
        String line = traceLine(execution.getExitStatus().getExitDescription());
        return line != null ? line : "ended without finishing (its process stopped before it did); restart it to render the days still missing";
    }

    /**
     * The line of a recorded trace that says what happened: the database server's message when there is one (the
     * first line of a failed statement's exception is the statement), else the first line's message, or the name of
     * its exception when it has none; null for no trace.
     */
    static String traceLine(String trace) {
        if (trace == null || trace.isBlank()) {
            return null;
        }
        for (String line : trace.lines().toList()) {
            int server = line.indexOf("ERROR: ");
            if (server >= 0 && line.length() > server + 7) {
                return line.substring(server + 7).strip();
            }
        }
        String first = trace.strip().lines().findFirst().orElseThrow();
        Matcher thrown = THROWN.matcher(first);
        if (!thrown.matches()) {
            return first;
        }
        return thrown.group(2) == null || thrown.group(2).isBlank() ? thrown.group(1) : thrown.group(2).strip();
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

    private static String how(Rerun.Result result) {
        return switch (result.status()) {
            // this execution's own, both: what its page (/runs/ID) lists
            case COMPLETED -> "success: " + AuditWords.RERUN_DONE.line(result.renderedNow(), result.publishedNow());
            case STOPPED -> "stopped";
            default -> "failure: " + (result.failure() == null ? result.status().toString() : result.failure());
        };
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
            throw new NotFound("no rerun " + id);
        }
        return execution;
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
                    log.warn("rerun {}..{} from the portal failed: {}", from, to, e.getMessage());
                } finally {
                    // after the lock is released: a restart asked once this rerun shows as ended gets the days
                    threadEnded.complete(null);
                }
                // its end, once no day is held: a failure once its execution existed is an end too
                Long id = result != null ? Long.valueOf(result.jobExecutionId()) : failure == null ? null : newest(after, from, to);
                if (id != null) {
                    recordEnd(startRecorded, who, action, objectOf.apply(id), id,
                            result != null ? how(result) : "failure: " + Rerun.oneLine(failure));
                }
            });
        } catch (RuntimeException e) {
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
                            + "; nothing was rendered, try again", e.getCause());
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
                + " s; see the runs (history) before trying again", null, true);
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
