package org.fraudstats.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.ComparedFigures;
import org.fraudstats.metrics.Comparison;
import org.fraudstats.metrics.Figures;
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

    @Option(names = "--district", paramLabel = "CODE", description = "only this area (440600: the city)")
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
        AreaOption.check(spec, catalog, district);
        Figures figures = services.get(Figures.class);
        List<ComparedFigures> rows;
        if (compare == null) {
            rows = (by == By.day ? figures.byDay(period.from, period.to) : figures.range(period.from, period.to))
                    .stream().map(f -> new ComparedFigures(f, null)).toList();
        } else {
            Comparison c = compare == Compare.yoy ? Comparison.YOY : Comparison.POP;
            rows = by == By.day ? figures.byDayCompared(period.from, period.to, c) : figures.rangeCompared(period.from, period.to, c);
        }
        if (district != null) {
            rows = rows.stream().filter(r -> r.current().districtCode().equals(district)).toList();
        }
        var out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.print(MetricsOutput.json(rows, compare != null));
        } else {
            out.print(MetricsOutput.csv(rows, compare != null));
        }
        out.flush();
        return 0;
    }
}
