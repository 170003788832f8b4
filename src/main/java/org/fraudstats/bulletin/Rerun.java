package org.fraudstats.bulletin;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.fraudstats.bulletin.rerun.RerunParameters;
import org.fraudstats.metrics.RollupCheck;
import org.fraudstats.storage.DatabaseDown;
import org.fraudstats.storage.SqlFiles;
import org.fraudstats.storage.UnknownExecutions;
import org.postgresql.util.PSQLException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Runs the rerun job: a rerun that failed, or whose process died, is restarted (only its unfinished days are
 * rendered), otherwise a new run starts. The caller holds the lock of the days (RunLock.days).
 */
@Service
public class Rerun {

    /**
     * How a rerun ended. publishedDays and publishedRange count the revisions it published: a day whose figures were
     * those of its published revision is left as it was, and only the rest of the days are new revisions.
     * renderedNow counts the days this execution rendered: a restart renders only those its stopped run had not;
     * publishedNow the revisions this execution published.
     */
    public record Result(long jobExecutionId, boolean restarted, BatchStatus status, String failure, int publishedDays,
                         boolean publishedRange, int renderedNow, int publishedNow) {
    }

    /**
     * The first and last day of a rerun.
     *
     * @param range whether it renders the bulletin of the whole range too (rerun --range)
     */
    public record Days(LocalDate from, LocalDate to, boolean range) {
    }

    /** The name of a day's step, before the day (RerunJobConfiguration's partitions: renderDay:day-2022-10-03). */
    private static final String DAY_STEP = "renderDay:day-";

    private final JobOperator jobOperator;
    private final Job rerunBulletinsJob;
    private final NamedParameterJdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final BulletinPublisher publisher;
    private final RollupCheck rollupCheck;

    private final org.fraudstats.storage.RunLock runLock;

    private final org.fraudstats.audit.AuditTrail audit;

    Rerun(JobOperator jobOperator, JobRepository jobRepository, Job rerunBulletinsJob, NamedParameterJdbcTemplate jdbc,
          BulletinPublisher publisher, RollupCheck rollupCheck, org.fraudstats.storage.RunLock runLock,
          org.fraudstats.audit.AuditTrail audit) {
        this.audit = audit;
        this.runLock = runLock;
        this.publisher = publisher;
        this.rollupCheck = rollupCheck;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.rerunBulletinsJob = rerunBulletinsJob;
        this.jdbc = jdbc;
    }

    public Result run(LocalDate from, LocalDate to, Path out, Set<BulletinPublisher.Format> formats, boolean range) throws Exception {
        RerunParameters parameters = new RerunParameters(from, to, out, formats, range);
        checkCatalogueFor(formats);
        // a rollup found differing from the facts (by a night, which then stopped) is no base for a bulletin either: the
        // days changed since the last check that passed and those found differing are checked, not every day of the
        // rerun (a year of them would be a year of verify before the first bulletin)
        rollupCheck.requireRightRollups(List.of(), to, line -> { });
        recoverDead(from, to);
        Long failed = jdbc.query(SqlFiles.load("bulletin/failed-rerun.sql"), parameters.stored(), rs -> rs.next() ? rs.getLong(1) : null);
        // a restart renders only the days the failed or stopped run had not finished; when a load or a repair has
        // changed a day of the period since it started, those it finished would stay as they were, 数据未到 and all,
        // while the run reported every day rendered (r34e): started anew, every day is rendered again, and those
        // unchanged publish nothing
        if (failed != null && Boolean.TRUE.equals(jdbc.queryForObject(SqlFiles.load("bulletin/changed-since-rerun.sql"),
                Map.of("failed", failed, "from", from, "to", to), Boolean.class))) {
            failed = null;
        }
        JobExecution execution;
        boolean restarted = failed != null;
        if (restarted) {
            execution = jobOperator.restart(jobRepository.getJobExecution(failed));
        } else {
            execution = jobOperator.start(rerunBulletinsJob, parameters.toJobParameters(System.currentTimeMillis()));
        }
        return ended(execution, restarted, from, to);
    }

    /** The days an execution renders, when it is a rerun's. */
    public Optional<Days> days(JobExecution execution) {
        if (!RerunParameters.JOB_NAME.equals(execution.getJobInstance().getJobName())) {
            return Optional.empty();
        }
        RerunParameters parameters = RerunParameters.of(execution.getJobParameters());
        return Optional.of(new Days(parameters.from(), parameters.to(), parameters.range()));
    }

    /**
     * A rerun printing PDFs checks the catalogue's names against the bulletin font before any day: not on the first
     * day whose bulletin prints such a name, half way through the range. Workbooks hold any character.
     */
    private void checkCatalogueFor(Set<BulletinPublisher.Format> formats) {
        if (formats.contains(BulletinPublisher.Format.pdf)) {
            publisher.checkCatalogue();
        }
    }

    /** Restarts a rerun that failed or whose process died (`restart ID`); the caller holds the lock of its days. */
    public Result restart(JobExecution execution) throws Exception {
        Days days = days(execution).orElseThrow(() -> new IllegalArgumentException(execution.getId() + " is not a rerun"));
        checkCatalogueFor(RerunParameters.of(execution.getJobParameters()).formats());
        rollupCheck.requireRightRollups(List.of(), days.to(), line -> { });
        recoverDead(days.from(), days.to());
        return ended(jobOperator.restart(jobRepository.getJobExecution(execution.getId())), true, days.from(), days.to());
    }

    /**
     * A rerun that failed while Batch was making the steps of its days (the job repository failing) leaves the steps
     * it had made marked STARTING: the caller still holds the days, so they are marked failed at once, and the
     * rerun can be restarted or run again (Batch refuses to restart an execution with a step it thinks running).
     */
    private Result ended(JobExecution execution, boolean restarted, LocalDate from, LocalDate to) {
        recoverDead(from, to);
        return result(execution, restarted);
    }

    /**
     * A rerun marked running that nothing runs any more (its process killed: serve's or the command's kill -9, a power
     * cut) is marked FAILED, restartable: it stayed STARTED with no message, and a script polling for its end waited
     * forever (r39b, r39f). Nothing runs it when its days' lock is free: a live rerun, on any node or the command line,
     * holds it from before its execution exists until after it ended. Returns the execution as it is now.
     */
    public JobExecution settledIfDead(JobExecution execution) {
        BatchStatus status = execution.getStatus();
        if (status != BatchStatus.STARTING && status != BatchStatus.STARTED && status != BatchStatus.STOPPING) {
            return execution;
        }
        Days days = days(execution).orElse(null);
        if (days == null) {
            return execution;
        }
        try (org.fraudstats.storage.RunLock.Held held = runLock.days("the look at rerun " + execution.getId(), days.from(), days.to())) {
            recoverDead(days.from(), days.to());
        } catch (org.fraudstats.storage.RunLock.Refused running) {
            return execution;
        }
        return jobRepository.getJobExecution(execution.getId());
    }

    /**
     * {@link #settledIfDead} of every rerun marked running (sql/bulletin/reruns-marked-running.sql): before a listing of
     * the runs (history, /runs, /api/v1/runs) and at serve's start, so that none says running of a rerun nobody runs.
     */
    public void settleDeadReruns() {
        for (Long id : jdbc.queryForList(SqlFiles.load("bulletin/reruns-marked-running.sql"), Map.of(), Long.class)) {
            JobExecution execution = jobRepository.getJobExecution(id);
            if (execution != null) {
                settledIfDead(execution);
            }
        }
    }

    /**
     * Marks FAILED the reruns over these days still marked running, or holding a step still marked running, and
     * those steps, and those Batch left UNKNOWN: the caller holds every day's lock, so nothing is running them (their process died, or they failed
     * while their steps were being made), and Batch restarts no execution it thinks is running.
     */
    private void recoverDead(LocalDate from, LocalDate to) {
        for (Long dead : jdbc.queryForList(SqlFiles.load("bulletin/dead-reruns.sql"),
                Map.of("from", from.toString(), "to", to.toString()), Long.class)) {
            JobExecution execution = jobRepository.getJobExecution(dead);
            // marked running, nothing runs it: its process died, and nothing recorded its end in the auditor's log (its
            // start is there, with who asked for it). One that ended failing while its steps were made, or UNKNOWN, had
            // its end recorded by whoever ran it (review r44f: said twice, and untrue)
            BatchStatus was = execution.getStatus();
            boolean died = was == BatchStatus.STARTING || was == BatchStatus.STARTED || was == BatchStatus.STOPPING;
            if (UnknownExecutions.unknown(execution)) {
                // Batch's recover refuses it: "in an unknown state, and therefore cannot be recovered"
                UnknownExecutions.settle(jobRepository, execution, BatchStatus.FAILED, "marked failed by the next run over its days");
            } else {
                jobOperator.recover(execution);
            }
            if (died) {
                // named as its start's row names it (a portal's or the API's), so a filter by period finds both (r44g)
                audit.record(new org.fraudstats.audit.AuditEvent("", "", "", "rerun", from + ".." + to + " (job execution " + dead + ")",
                        "failure: ended without finishing (its process died); marked failed, restartable"));
            }
        }
    }

    private Result result(JobExecution execution, boolean restarted) {
        // a day's failure says what went wrong; the step over the days only that "the partition handler returned an
        // unsuccessful step", so the days' steps are asked first (Batch's list of all failures has no order)
        List<StepExecution> steps = new ArrayList<>(execution.getStepExecutions());
        steps.sort(Comparator.comparing((StepExecution s) -> !s.getStepName().contains(":")));
        // a stop among the failures ("Job interrupted status detected.") is no reason: a day that failed as the stop
        // came is (r34e: the audit said Batch's words where the page and the API named the day)
        List<Throwable> failures = Stream.concat(steps.stream().flatMap(s -> s.getFailureExceptions().stream()),
                execution.getFailureExceptions().stream()).toList();
        String failure = failures.stream().filter(f -> !(f instanceof org.springframework.batch.core.job.JobInterruptedException))
                .findFirst().or(() -> failures.stream().findFirst()).map(Rerun::oneLine).orElse(null);
        return jdbc.queryForObject(SqlFiles.load("bulletin/published-by-rerun.sql"), Map.of("jobExecutionId", execution.getId()),
                (rs, n) -> new Result(execution.getId(), restarted, execution.getStatus(), failure, rs.getInt("dailies"),
                        rs.getInt("ranges") > 0, (int) steps.stream().filter(s -> s.getStepName().startsWith(DAY_STEP)
                                && s.getWriteCount() > 0).count(), rs.getInt("published_now")));
    }

    /**
     * A failure in one line a user can act on: the database server's own message when it answered one (Spring's
     * message of a failed statement holds the statement, over several lines, and pgjdbc's adds Detail and Hint
     * lines), else the first line of the failure's message.
     */
    public static String oneLine(Throwable failure) {
        java.util.Optional<String> memory = org.fraudstats.storage.OutOfMemory.said(failure);
        if (memory.isPresent()) {
            return memory.get();
        }
        // a transaction whose rollback failed too: the step's failure is the rollback's ("JDBC rollback failed", on the
        // connection PostgreSQL dropped), and the failure that mattered is kept aside, not as its cause
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.springframework.transaction.TransactionSystemException rollback && rollback.getApplicationException() != null) {
                return oneLine(rollback.getApplicationException());
            }
        }
        if (DatabaseDown.isCause(failure)) {
            // a pool merely busy (its wait ended with no failure under it) is no loss of the database
            return (DatabaseDown.connectionFailed(failure) ? "the database connection was lost (" : "no database connection could be had (")
                    + DatabaseDown.why(failure) + ")";
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PSQLException sql && sql.getServerErrorMessage() != null && sql.getServerErrorMessage().getMessage() != null) {
                return sql.getServerErrorMessage().getMessage().strip().lines().findFirst().orElse("database error");
            }
        }
        String message = failure.getMessage() == null ? "" : failure.getMessage().strip();
        return message.isEmpty() ? failure.getClass().getSimpleName() : message.lines().findFirst().orElseThrow();
    }
}
