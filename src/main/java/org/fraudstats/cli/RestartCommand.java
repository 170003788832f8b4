package org.fraudstats.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import org.fraudstats.bulletin.Rerun;
import org.fraudstats.ingest.Ingest;
import org.fraudstats.storage.RunLock;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restart", mixinStandardHelpOptions = true,
        description = "Restart a failed job execution, or a rerun or drop load whose process died (see history): it continues where it stopped.")
class RestartCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "the job execution id")
    long id;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    private final Services services;

    RestartCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        JobExecution failed;
        try {
            failed = services.get(JobRepository.class).getJobExecution(id);
        } catch (EmptyResultDataAccessException e) {
            // the JDBC repository raises rather than answer null
            failed = null;
        }
        if (failed == null) {
            // the id as typed, which may be an account number pasted in the wrong place (leak tester)
            throw new UserError.NamesNothing("no job execution " + org.fraudstats.storage.DigitRuns.mask(Long.toString(id)) + " (see fraudstats history)");
        }
        if (failed.getStatus() == BatchStatus.COMPLETED) {
            throw new UserError("job execution " + id + " completed: there is nothing to restart (to redo its work, "
                    + "run the same rerun again, or ingest a corrected drop)");
        }
        Optional<Rerun.Days> days = services.get(Rerun.class).days(failed);
        boolean load = days.isEmpty() && services.get(Ingest.class).loads(failed);
        JobExecution latest = services.get(JobRepository.class).getLastJobExecution(failed.getJobInstance());
        if (!load && latest != null && latest.getId() != id && latest.getStatus() == BatchStatus.COMPLETED) {
            // restarted already (from the portal, say): Batch's own refusal was 700 characters of its parameters,
            // ending "change the parameters" (tester B). A load says so its own way (Ingest.NothingToRestart)
            throw new UserError("job execution " + id + " was restarted as " + latest.getId()
                    + ", which completed: there is nothing to restart");
        }
        long againId;
        BatchStatus status;
        String failure = null;
        if (days.isPresent()) {
            // a rerun renders its days under their lock, restarted or not; holding it also tells a rerun whose
            // process died (still marked running) from a live one
            try (RunLock.Held held = services.get(RunLock.class).days("restart " + id, days.get().from(), days.get().to())) {
                Rerun.Result again = services.get(Rerun.class).restart(failed);
                againId = again.jobExecutionId();
                status = again.status();
                failure = again.failure();
            } catch (RunLock.Refused e) {
                throw new UserError(e.getMessage());
            }
        } else if (load) {
            try {
                JobExecution again = services.get(Ingest.class).restart(id);
                againId = again.getId();
                status = again.getStatus();
                failure = Ingest.failure(again);
            } catch (RunLock.Refused | Ingest.NothingToRestart e) {
                throw new UserError(e.getMessage());
            }
        } else {
            JobExecution again = services.get(JobOperator.class).restart(failed);
            againId = again.getId();
            status = again.getStatus();
        }
        spec.commandLine().getOut().printf("job execution %d restarted as %d: %s%n", id, againId, status);
        // cli.md: non-zero with one line naming what is wrong on standard error; it said FAILED alone (retester). STOPPED
        // (stopped from the portal while this ran) is not "unsuccessful" to Spring Batch, and was exit 0 (review)
        if (status != BatchStatus.COMPLETED) {
            throw new UserError("job execution " + againId + (status == BatchStatus.FAILED && failure != null ? " failed: " + failure
                    : " ended " + status + " (fraudstats history shows it)"));
        }
        return 0;
    }
}
