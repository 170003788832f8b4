package org.fraudstats.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.ComparedFigures;
import org.fraudstats.metrics.Comparison;
import org.fraudstats.metrics.MetricsListing;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Print the figures of metrics.md for a period, per district and for the city.")
class MetricsCommand implements Callable<Integer> {

    enum By { range, day }

    enum Format { csv, json }

    enum Compare { yoy, pop }

    @Mixin
    Period period;

    @Option(names = "--by", defaultValue = "range", description = "range (default) or day")
    By by;

    @Option(names = "--district", paramLabel = "CODE", description = "only this area (the city by its code in the catalogue, 440600 for Foshan)")
    String district;

    @Option(names = "--compare", description = "yoy (同比) or pop (环比)")
    Compare compare;

    @Option(names = "--format", defaultValue = "csv", description = "csv (default) or json")
    Format format;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    private final Services services;

    MetricsCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        period.check(spec);
        Catalog catalog = services.get(Catalog.class);
        AreaOption.check(spec, catalog, district, "every area");
        Comparison c = compare == null ? null : compare == Compare.yoy ? Comparison.YOY : Comparison.POP;
        List<ComparedFigures> rows = services.get(MetricsListing.class).rows(period.from, period.to, by == By.day, district, c);
        var out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.print(MetricsListing.json(rows, compare != null));
        } else {
            out.print(MetricsListing.csv(rows, compare != null));
        }
        out.flush();
        return 0;
    }
}
