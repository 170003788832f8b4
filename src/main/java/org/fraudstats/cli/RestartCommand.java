package org.fraudstats.cli;

import java.util.concurrent.Callable;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restart", mixinStandardHelpOptions = true,
        description = "Restart a failed job execution (see history): it continues where it stopped.")
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
        JobExecution failed = services.get(JobRepository.class).getJobExecution(id);
        if (failed == null) {
            throw new UserError("no job execution " + id + " (see fraudstats history)");
        }
        JobExecution again = services.get(JobOperator.class).restart(failed);
        spec.commandLine().getOut().printf("job execution %d restarted as %d: %s%n", id, again.getId(), again.getStatus());
        return again.getStatus().isUnsuccessful() ? 1 : 0;
    }
}
