package org.fraudstats.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.fraudstats.metrics.RollupCheck;
import org.fraudstats.metrics.RollupCheck.RollupDifference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Recompute the daily rollups of a period straight from the facts and print every difference.")
class VerifyCommand implements Callable<Integer> {

    @Mixin
    Period period;

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
        // a wrong rollup is a wrong figure: fail like any other failure, one line on standard error
        spec.commandLine().getErr().print("verify: " + differences.size() + " rollup rows of " + period.from + ".."
                + period.to + " differ from the facts\n");
        spec.commandLine().getErr().flush();
        return 1;
    }
}
