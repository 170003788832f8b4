package org.fraudstats.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.fraudstats.access.Actor;
import org.fraudstats.audit.AuditEvent;
import org.fraudstats.audit.AuditTrail;
import org.fraudstats.ingest.DailyRollups;
import org.fraudstats.metrics.RollupCheck;
import org.fraudstats.metrics.RollupCheck.RollupDifference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import org.fraudstats.storage.RunLock;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Recompute the daily rollups of a period straight from the facts and print every difference.")
class VerifyCommand implements Callable<Integer> {

    @Mixin
    Period period;

    @Option(names = "--repair", description = "after printing the differences, rewrite the period's rollups from the facts "
            + "(for facts corrected by hand, outside the loader); audited; re-render published bulletins with rerun")
    boolean repair;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    private final Services services;

    VerifyCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        period.check(spec);
        List<RollupDifference> differences = services.get(RollupCheck.class).differences(period.from, period.to);
        var out = spec.commandLine().getOut();
        differences.forEach(d -> out.print(d.line() + "\n"));
        out.flush();
        if (differences.isEmpty()) {
            out.print("rollups " + period.from + ".." + period.to + ": as the facts say\n");
            out.flush();
            return 0;
        }
        if (repair) {
            return repair(differences.size());
        }
        // a wrong rollup is a wrong figure: fail like any other failure, one line on standard error
        spec.commandLine().getErr().print("fraudstats verify: " + differences.size() + " rollup rows of " + period.from + ".."
                + period.to + " differ from the facts\n");
        spec.commandLine().getErr().flush();
        return 1;
    }

    /**
     * Facts changed without the loader (a correction in psql) leave the rollups, and so every figure, behind: the
     * rebuild makes the period's rollups what the facts say, under the loader's lock so that no drop is merged
     * meanwhile, and checks again. A change of published figures, so it goes into the audit log.
     */
    private int repair(int differing) {
        var out = spec.commandLine().getOut();
        try (RunLock.Held held = services.get(RunLock.class).ingest()) {
            services.get(DailyRollups.class).rebuild(period.from, period.to);
        }
        int left = services.get(RollupCheck.class).differences(period.from, period.to).size();
        services.get(AuditTrail.class).record(new AuditEvent(Actor.commandLine().user(), "", "cli", "rollups-repair",
                period.from + ".." + period.to, left == 0 ? "success: " + differing + " rows rewritten" : "failure: " + left + " rows still differ"));
        if (left > 0) {
            spec.commandLine().getErr().print("fraudstats verify: " + left + " rollup rows of " + period.from + ".." + period.to
                    + " still differ from the facts after the repair\n");
            spec.commandLine().getErr().flush();
            return 1;
        }
        out.print("rollups " + period.from + ".." + period.to + ": " + differing + " rows rewritten from the facts; "
                + "published bulletins of these days keep their old figures until `rerun --from " + period.from
                + " --to " + period.to + "`\n");
        out.flush();
        return 0;
    }
}
