package org.fraudstats.cli;

import java.util.concurrent.Callable;

import org.fraudstats.settings.BusinessTime;
import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List job executions from Spring Batch's repository, newest first.")
class HistoryCommand implements Callable<Integer> {

    @Option(names = "--limit", defaultValue = "50", description = "how many executions (default 50)")
    int limit;

    @Option(names = "--before", paramLabel = "ID", description = "only executions older than job execution ID: the next page")
    Long before;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    private final Services services;

    HistoryCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit " + limit + " is not a number from 1 up");
        }
        if (before != null && before < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--before " + before + " is not a job execution id");
        }
        var out = spec.commandLine().getOut();
        // the header once the database answers: a script keeping standard output had a header alone of a command that
        // failed (review 32b)
        JdbcTemplate jdbc = services.get(JdbcTemplate.class);
        // a rerun whose process was killed is FAILED, not STARTED, as /api/v1/runs says it (r39f)
        services.get(org.fraudstats.bulletin.Rerun.class).settleDeadReruns();
        out.printf("%-6s %-15s %-10s %-25s %9s %9s %9s %9s  %s%n", "id", "job", "status", "started", "seconds", "read", "written", "rejected", "parameters");
        jdbc.query(SqlFiles.load("batch/history.sql"), rs -> {
            // a failed one says why after its parameters, the last column (scripts read the columns before it as ever),
            // as /api/v1/runs says it (web.md: the API is what history shows)
            String shown = org.fraudstats.storage.TraceLine.shown(rs.getString("failure_trace"));
            String failure = shown == null ? "" : "  failed: " + shown;
            out.printf("%-6d %-15s %-10s %-25s %9s %9d %9d %9d  %s%s%n", rs.getLong("job_execution_id"), rs.getString("job_name"),
                    rs.getString("status"), java.util.Objects.requireNonNullElse(BusinessTime.ofJob(rs.getObject("started", java.time.LocalDateTime.class)), ""), rs.getString("seconds") == null ? "" : rs.getString("seconds"),
                    rs.getLong("read_count"), rs.getLong("write_count"), rs.getLong("skip_count"), rs.getString("parameters"), failure);
        }, before == null ? Long.MAX_VALUE : before, limit);
        out.flush();
        return 0;
    }
}
