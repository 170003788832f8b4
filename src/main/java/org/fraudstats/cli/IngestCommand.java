package org.fraudstats.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.fraudstats.ingest.DropLoadResult;
import org.fraudstats.ingest.Ingest;
import org.fraudstats.ingest.Pending;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Load the drops under an inbox (folders named by date), in date order, by the rules of feeds.md.")
class IngestCommand implements Callable<Integer> {

    @Option(names = "--inbox", required = true, paramLabel = "DIR", description = "folder of drops (one folder per day)")
    Path inbox;

    @ArgGroup(exclusive = true)
    Dates dates;

    static class Dates {
        @Option(names = "--date", paramLabel = "D", description = "only the drop of this day")
        LocalDate date;
        @ArgGroup(exclusive = false)
        Period period;
    }

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    private final Services services;

    IngestCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        LocalDate from = null;
        LocalDate to = null;
        if (dates != null && dates.date != null) {
            from = dates.date;
            to = dates.date;
        } else if (dates != null && dates.period != null) {
            dates.period.check(spec);
            from = dates.period.from;
            to = dates.period.to;
        }
        org.fraudstats.ingest.Inbox.whyNotAnInbox(inbox).ifPresent(why -> {
            throw new CommandLine.ParameterException(spec.commandLine(), "--inbox " + inbox + why);
        });
        var out = spec.commandLine().getOut();
        List<DropLoadResult> results;
        try {
            results = load(from, to, out);
        } catch (org.fraudstats.storage.RunLock.Refused e) {
            throw new UserError(e.getMessage());
        }
        summarize(results, from, to, out);
        var err = spec.commandLine().getErr();
        for (var notLoaded : services.get(org.fraudstats.ingest.DropsNotLoaded.class).days()) {
            err.printf("fraudstats ingest: warning: the drop of %s was tried and never loaded (job execution %d; history says why): "
                    + "every bulletin reading that day says 数据未到 until it is mended and loaded, or an empty folder %s is%n",
                    notLoaded.day(), notLoaded.jobExecutionId(), inbox.resolve(notLoaded.day().toString()));
        }
        err.flush();
        return 0;
    }

    private List<DropLoadResult> load(LocalDate from, LocalDate to, java.io.PrintWriter out) {
        return services.get(Ingest.class).load(inbox, from, to, r -> {
            if (r.leftAlone() != null) {
                out.printf("%s  %s%n", r.date(), r.leftAlone());
            } else if (r.unchangedSinceLoaded()) {
                out.printf("%s  unchanged (already loaded)%n", r.date());
            } else {
                out.printf("%s  %d rows read, %d rejected, %d changed (job execution %d)%n",
                        r.date(), r.rowsRead(), r.rowsRejected(), r.rowsChanged(), r.jobExecutionId());
            }
            out.flush();
            r.datedAway().forEach(warning -> spec.commandLine().getErr().printf("fraudstats ingest: warning: drop %s: %s%n", r.date(), warning));
            spec.commandLine().getErr().flush();
        }, skipped -> {
            spec.commandLine().getErr().println("fraudstats ingest: warning: " + skipped);
            spec.commandLine().getErr().flush();
        });
    }

    private void summarize(List<DropLoadResult> results, LocalDate from, LocalDate to, java.io.PrintWriter out) {
        long changed = results.stream().mapToLong(DropLoadResult::rowsChanged).sum();
        long loaded = results.stream().filter(r -> !r.unchangedSinceLoaded()).count();
        if (results.isEmpty()) {
            // a script asking for one day is told which day it has no drop of
            out.println(from == null ? "no drops found under " + inbox
                    : from.equals(to) ? "no drop dated " + from + " under " + inbox
                    : "no drop dated " + from + " to " + to + " under " + inbox);
        } else if (changed == 0) {
            out.printf("%d drops, nothing changed%n", results.size());
        } else {
            out.printf("%d drops, %d loaded, %d rows changed%n", results.size(), loaded, changed);
        }
        Pending pending = services.get(Pending.class);
        long waiting = pending.count();
        if (waiting > 0) {
            out.println(waiting == 1 ? "1 freeze or refund is pending: its case has not arrived yet"
                    : waiting + " freezes and refunds are pending: their case has not arrived yet");
        }
    }
}
