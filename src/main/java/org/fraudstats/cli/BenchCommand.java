package org.fraudstats.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.fraudstats.bench.Bench;
import org.fraudstats.bench.BenchReport;
import org.fraudstats.bench.BenchScale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the pipeline against bare PostgreSQL on the same data in one run (loading against COPY, metrics "
                + "against a hand-written rollup, bulletin rendering, the loader's heap) and print a Markdown table with ratios. "
                + "Runs in a home and embedded database of its own ($FRAUDSTATS_HOME/bench); safe to run again.")
class BenchCommand implements Callable<Integer> {

    enum ScaleName { tiny, city, national }

    @Option(names = "--scale", defaultValue = "city",
            description = "tiny (smoke test, seconds), city (default, a few minutes) or national (10M cases, 12M freezes over 3 years)")
    ScaleName scale;

    @Option(names = "--years", defaultValue = "3", description = "years of facts the metrics are timed on (default 3)")
    int years;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    private final Services services;

    BenchCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        if (years < 1 || years > 20) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--years " + years + ": between 1 and 20");
        }
        // the bench empties and refills the facts: a home (and embedded database) of its own, never the real one
        String base = System.getenv().getOrDefault("FRAUDSTATS_HOME", System.getProperty("user.home") + "/.fraudstats");
        services.beforeStart("fraudstats.home", Path.of(base, "bench").toString());
        // a throwaway database refilled at every step: it may lose its last commits in a power cut (README, Benchmarks)
        services.beforeStart("fraudstats.embedded.durable", "false");
        var err = spec.commandLine().getErr();
        BenchReport report;
        try {
            report = services.get(Bench.class).run(BenchScale.valueOf(scale.name().toUpperCase(Locale.ROOT)), years, line -> {
                err.println("bench: " + line);
                err.flush();
            });
        } catch (Bench.NotOurs e) {
            throw new UserError(e.getMessage());
        }
        var out = spec.commandLine().getOut();
        out.print(report.markdown());
        out.flush();
        return 0;
    }
}
