package org.fraudstats.cli;

import java.util.Locale;
import java.util.concurrent.Callable;

import org.fraudstats.bench.BenchReport;
import org.fraudstats.bench.BenchScale;
import org.fraudstats.bench.ThrowawayBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Takes no {@link Services}: the bench never uses the application the other commands run on, only the one
 * {@link ThrowawayBench} starts in a throwaway directory.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the pipeline against bare PostgreSQL on the same data in one run (loading against COPY, metrics "
                + "against a hand-written rollup, bulletin rendering, the loader's heap) and print a Markdown table with ratios. "
                + "Runs on a PostgreSQL of its own in a fresh directory under $FRAUDSTATS_HOME/bench-throwaway, deleted "
                + "afterwards; refused (exit 2) when SPRING_DATASOURCE_URL is set.")
class BenchCommand implements Callable<Integer> {

    enum ScaleName { tiny, city, national }

    @Option(names = "--scale", defaultValue = "city",
            description = "tiny (smoke test, seconds), city (default, a few minutes) or national (10M cases, 12M freezes over 3 years)")
    ScaleName scale;

    @Option(names = "--years", defaultValue = "3", description = "years of facts the metrics are timed on (default 3)")
    int years;

    @Option(names = "--bulletin-days", paramLabel = "N",
            description = "render only the year's last N daily bulletins and project the year as 365 × the time per pair "
                    + "(an upper bound: a later day's year to date reads more); default the whole year, 2 for tiny")
    Integer bulletinDays;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (years < 1 || years > 20) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--years " + years + ": between 1 and 20");
        }
        if (bulletinDays != null && (bulletinDays < 1 || bulletinDays > 365)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bulletin-days " + bulletinDays + ": between 1 and 365");
        }
        var err = spec.commandLine().getErr();
        BenchReport report;
        try {
            report = ThrowawayBench.run(BenchScale.valueOf(scale.name().toUpperCase(Locale.ROOT)), years, bulletinDays, line -> {
                err.println("bench: " + line);
                err.flush();
            });
        } catch (ThrowawayBench.Refused e) {
            // a usage error: nothing was started, and the same command works once the variable is unset
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        var out = spec.commandLine().getOut();
        out.print(report.markdown());
        out.flush();
        return 0;
    }
}
