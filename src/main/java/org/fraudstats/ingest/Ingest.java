package org.fraudstats.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.postgresql.util.PSQLException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.fraudstats.settings.BusinessTime;
import org.fraudstats.storage.AccountKeyCheck;
import org.fraudstats.storage.RunLock;
import org.fraudstats.storage.SamePlace;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;

/**
 * `ingest`: loads the drops of an inbox in date order by the rules of feeds.md, one ingest job instance per
 * drop, and stops at the first drop that fails (the drops before it stay loaded).
 */
@Service
public class Ingest {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job ingestDropJob;
    private final RunLock runLock;
    private final SpillFolder spillFolder;
    private final Clock clock;

    private final AccountKeyCheck accountKey;
    private final UnknownLoads unknownLoads;
    private final LoadedVersions loadedVersions;

    Ingest(JobOperator jobOperator, JobRepository jobRepository, Job ingestDropJob, RunLock runLock, SpillFolder spillFolder,
           Clock clock, AccountKeyCheck accountKey, UnknownLoads unknownLoads, LoadedVersions loadedVersions) {
        this.accountKey = accountKey;
        this.loadedVersions = loadedVersions;
        this.unknownLoads = unknownLoads;
        this.clock = clock;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.ingestDropJob = ingestDropJob;
        this.runLock = runLock;
        this.spillFolder = spillFolder;
    }

    public List<DropLoadResult> load(Path inbox, LocalDate from, LocalDate to, Consumer<DropLoadResult> progress) {
        return load(inbox, from, to, progress, Inbox::logged);
    }

    /** @param skipped told why each entry of the inbox passed by is not loaded (Inbox.drops) */
    public List<DropLoadResult> load(Path inbox, LocalDate from, LocalDate to, Consumer<DropLoadResult> progress, Consumer<String> skipped) {
        List<DropLoadResult> results = new ArrayList<>();
        try (RunLock.Held loader = runLock.ingest()) {
            spillFolder.clean();
            boolean keyChecked = false;
            for (Drop drop : Inbox.drops(inbox, from, to, BusinessTime.today(clock), skipped)) {
                // before the first row is hashed; an empty inbox checks nothing and, on a new database, records no key
                if (!keyChecked) {
                    accountKey.check("nothing was loaded");
                    keyChecked = true;
                }
                DropLoadResult result = load(drop);
                results.add(result);
                progress.accept(result);
            }
        }
        return results;
    }

    /** Whether {@code execution} loaded (or tried to load) a drop. */
    public boolean loads(JobExecution execution) {
        return IngestJobConfiguration.JOB_NAME.equals(execution.getJobInstance().getJobName());
    }

    /**
     * `restart ID` of a drop's load, under the loader's lock like every load, reading the drop's executions only once
     * the lock is held: a load that ended meanwhile is seen as it ended. Holding the lock also tells a load whose
     * process died (still marked running; its transaction rolled back) from a live one: the dead one is marked failed
     * first, as the next ingest would, since Spring Batch restarts only a failed or stopped execution.
     *
     * @throws NothingToRestart when the drop's latest execution completed
     */
    public JobExecution restart(long id) throws Exception {
        try (RunLock.Held loader = runLock.ingest()) {
            spillFolder.clean();
            accountKey.check("nothing was loaded");
            JobExecution last = jobRepository.getLastJobExecution(jobRepository.getJobExecution(id).getJobInstance());
            unknownLoads.settle(last);
            last = jobRepository.getJobExecution(last.getId());
            if (last.getStatus() == BatchStatus.COMPLETED) {
                throw new NothingToRestart("job execution " + id + ": its drop is loaded (job execution " + last.getId()
                        + " completed); there is nothing to restart");
            }
            // the drop's date loaded since its first execution (restarts tried in between fail the same way): restarted,
            // the failed version would replace that load, or (its files changed since) fail again without a word, a
            // FAILED execution more each time (retester)
            String date = last.getJobParameters().getString("drop.date");
            long first = jobRepository.getJobExecutions(last.getJobInstance()).stream().mapToLong(JobExecution::getId).min().orElse(last.getId());
            var since = date == null ? Optional.<LoadedVersions.Loaded>empty() : loadedVersions.latest(LocalDate.parse(date));
            if (since.isPresent() && since.get().jobExecutionId() > first) {
                boolean sameFiles = since.get().checksum().equals(last.getJobParameters().getString("drop.checksum"));
                String folder = last.getJobParameters().getString("drop.folder");
                // its folder's ingest loads it again; another folder's load stands against it (left alone), as in load()
                String how = folder != null && sameFolder(since.get().folder(), Path.of(folder)) ? "ingest its drop again"
                        : "send its files to " + since.get().folder();
                throw new NothingToRestart("job execution " + id + ": drop " + date + " was loaded since" + (sameFiles ? "" : ", from other files")
                        + " (job execution " + since.get().jobExecutionId() + "); there is nothing to restart"
                        + (sameFiles ? "" : ": to load this version, " + how));
            }
            if (last.isRunning()) {
                jobOperator.recover(last);
                last = jobRepository.getJobExecution(last.getId());
            }
            return jobOperator.restart(last);
        }
    }

    /** A restart of a drop whose load has completed since. */
    public static class NothingToRestart extends RuntimeException {
        NothingToRestart(String message) {
            super(message);
        }
    }

    /** Loads one drop; the caller holds the loader's lock. */
    DropLoadResult load(Drop drop) {
        var held = loadedVersions.latest(drop.date());
        String checksum = null;
        try {
            checksum = drop.checksum();
            return load(drop, checksum, held);
        } catch (UnreadableFileException e) {
            throw keeping(new IngestFailedException(drop, e.getMessage(), e), drop, checksum, held);
        } catch (IngestFailedException e) {
            throw keeping(e, drop, checksum, held);
        }
    }

    /**
     * A failure of another version than the one loaded, caused by its files, said with what the figures keep and how
     * to go on; any other failure (the database, the disk) as it is.
     */
    private static IngestFailedException keeping(IngestFailedException e, Drop drop, String checksum, Optional<LoadedVersions.Loaded> held) {
        // its checksum read: a folder gone, unmounted or unreadable is no new version of the files (review 30b)
        return checksum != null && held.isPresent() && !held.get().checksum().equals(checksum) && e.causedByTheFiles()
                ? e.keeping(drop, held.get().jobExecutionId()) : e;
    }

    private DropLoadResult load(Drop drop, String checksum, Optional<LoadedVersions.Loaded> held) {
        // Dates and paths travel as strings: date-typed job parameters have lost precision in the past.
        String folder = drop.folder().toAbsolutePath().toString();
        JobParametersBuilder identity = new JobParametersBuilder()
                .addString("drop.date", drop.date().toString())
                .addString("drop.checksum", checksum)
                .addString("drop.folder", folder, false);
        // A drop put back to a version loaded before another from the same folder (v1, v2, then v1 again: a provider's
        // mistaken re-export withdrawn) is a change: the facts hold v2. Its first instance is complete, so it was
        // skipped as "unchanged (already loaded)" and every bulletin kept v2's figures (review). It is loaded again
        // under the number of the load it follows, which keeps the instance new and a repeat of this ingest a no-op.
        // A version loaded from another folder (a statistician's correction) is left alone: the night's sweep of the
        // inbox would otherwise load the inbox's version back over it, every night (review).
        if (held.isPresent() && held.get().checksum().equals(checksum) && held.get().afterLoad() != null) {
            // the very instance that loaded these files: a repeat is a no-op, and one killed after its commit is
            // recovered and marked done below, as a first load is
            identity.addString("drop.after-load", held.get().afterLoad());
        } else if (held.isPresent() && !held.get().checksum().equals(checksum)) {
            boolean loadedBefore = completed(identity.toJobParameters());
            if (!sameFolder(held.get().folder(), drop.folder())) {
                // tried before the correction and failed counts as loaded before: the sweep restarted it, every night,
                // and a failure that had passed (a full disk) loaded the inbox's older version over the correction
                if (loadedBefore || triedBefore(identity.toJobParameters(), held.get().jobExecutionId())) {
                    // said as it is: "unchanged (already loaded)" told a statistician asking for the inbox's version
                    // back that the facts held it (review)
                    return new DropLoadResult(drop.date(), null, true, 0, 0, 0, List.of(),
                            new DropLoadResult.HeldFrom(held.get().folder(), held.get().jobExecutionId()));
                }
            } else if (loadedBefore) {
                identity.addString("drop.after-load", String.valueOf(held.get().loadNumber()));
            }
        }
        JobParameters parameters = identity.toJobParameters();
        JobInstance orphan = jobRepository.getJobInstance(IngestJobConfiguration.JOB_NAME, parameters);
        if (orphan != null && jobRepository.getJobExecutions(orphan).isEmpty()) {
            // Spring Batch records a job instance and its first execution in two transactions: a process killed
            // between them leaves an instance that can be neither started nor recovered. It loaded nothing, so
            // it goes, and the drop loads as if it had never been tried (KilledLoadTest found it).
            jobRepository.deleteJobInstance(orphan);
        } else if (orphan != null) {
            unknownLoads.settle(jobRepository.getLastJobExecution(orphan));
        }
        JobExecution execution;
        try {
            execution = jobOperator.start(ingestDropJob, parameters);
        } catch (JobInstanceAlreadyCompleteException e) {
            return new DropLoadResult(drop.date(), null, true, 0, 0, 0, List.of(), null);
        } catch (JobExecutionAlreadyRunningException e) {
            // we hold the loader's lock, so the "running" execution is one whose process died mid-load: its
            // transaction rolled back, nothing of the drop is in the facts; mark it failed and load the drop again
            JobExecution dead = jobRepository.getLastJobExecution(IngestJobConfiguration.JOB_NAME, parameters);
            jobOperator.recover(dead);
            return load(drop, checksum, held);
        } catch (Exception e) {
            throw new IngestFailedException(drop, rootMessage(e), e);
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            Throwable cause = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
            throw new IngestFailedException(drop, cause == null ? execution.getExitStatus().getExitDescription() : rootMessage(cause), cause);
        }
        // the step that ran: a creation of it retried after its commit failed (storage's JobRepositoryRetries) also
        // left in memory the step execution Batch made first, never run. None ran when a process was killed after the
        // drop's step committed and before its job was marked COMPLETED: the restart found the step done and ran
        // nothing (the next ingest said "No value present" and failed; tester C). The drop is loaded, by that step.
        StepExecution step = execution.getStepExecutions().stream().filter(s -> s.getStatus() != BatchStatus.STARTING)
                .findFirst().orElseGet(() -> jobRepository.getLastStepExecution(execution.getJobInstance(), IngestJobConfiguration.STEP_NAME));
        if (step == null) {
            throw new IngestFailedException(drop, "job execution " + execution.getId() + " completed without loading the drop", null);
        }
        return new DropLoadResult(drop.date(), step.getJobExecutionId(), false, step.getReadCount(), step.getReadSkipCount(), step.getWriteCount(),
                step.getExecutionContext().containsKey(DropLoadTasklet.DATED_AWAY)
                        ? List.of(step.getExecutionContext().getString(DropLoadTasklet.DATED_AWAY).split("\n"))
                        : List.of(), null);
    }

    /**
     * Whether a load's folder is this drop's: the same folder under another spelling (`inbox/.`, a relative path, the
     * share through a link) is the same, or a put-back through it was taken for another folder's (review).
     */
    private static boolean sameFolder(String loadedFrom, Path folder) {
        if (loadedFrom == null) {
            return false;
        }
        return SamePlace.of(Path.of(loadedFrom), folder);
    }

    /** Whether these files' instance was first tried before execution {@code load}. */
    private boolean triedBefore(JobParameters parameters, long load) {
        JobInstance instance = jobRepository.getJobInstance(IngestJobConfiguration.JOB_NAME, parameters);
        return instance != null && jobRepository.getJobExecutions(instance).stream().anyMatch(e -> e.getId() < load);
    }

    /** Whether these files' instance has loaded them, a load left UNKNOWN settled first (its transaction decides). */
    private boolean completed(JobParameters parameters) {
        JobInstance instance = jobRepository.getJobInstance(IngestJobConfiguration.JOB_NAME, parameters);
        JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
        if (last == null) {
            return false;
        }
        unknownLoads.settle(last);
        return jobRepository.getJobExecution(last.getId()).getStatus() == BatchStatus.COMPLETED;
    }

    /** Why a load's execution did not complete, in one line (what `ingest` says of a drop not loaded), or null. */
    public static String failure(JobExecution execution) {
        Throwable cause = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
        if (cause != null) {
            return rootMessage(cause);
        }
        String description = execution.getExitStatus().getExitDescription();
        return description == null || description.isBlank() ? null : description.lines().findFirst().orElse(null);
    }

    /**
     * The line of a load's failure: the cause that says it, and, when the database went away under the load, that it
     * did and what to do: a postmaster killed under a COPY said only "Broken pipe" (r39b).
     */
    static String rootMessage(Throwable t) {
        String said = causeSaid(t);
        return org.fraudstats.storage.DatabaseDown.isCause(t)
                ? "the database connection was lost (" + said + "): nothing of the drop was kept; once the database is back, "
                        + "run the same command again"
                : said;
    }

    /**
     * One line a user can act on (cli.md): ours when we raised it, else the database server's own message. Spring's
     * message of a failed statement holds the whole SQL file, comments and all, and pgjdbc's adds its Where: lines;
     * any other failure gives the first line of its root cause's message.
     */
    private static String causeSaid(Throwable t) {
        Throwable root = t;
        for (Throwable cause = t; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // a rollback that failed too hides the failure that mattered, kept aside, not as its cause (as Rerun.oneLine)
            if (cause instanceof org.springframework.transaction.TransactionSystemException rollback
                    && rollback.getApplicationException() != null) {
                return causeSaid(rollback.getApplicationException());
            }
            if (cause instanceof UnreadableFileException || cause instanceof FileStager.StagingFailed) {
                return cause.getMessage();
            }
            if (cause instanceof IngestFailedException failed) {
                return failed.problem();
            }
            if (cause instanceof PSQLException sql && sql.getServerErrorMessage() != null
                    && sql.getServerErrorMessage().getMessage() != null) {
                // a server message may span lines (a RAISE of our own functions, a DETAIL folded in): the first says it
                return sql.getServerErrorMessage().getMessage().strip().lines().findFirst().orElse("database error");
            }
            root = cause;
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
        return message.lines().findFirst().orElse(root.getClass().getSimpleName());
    }
}
