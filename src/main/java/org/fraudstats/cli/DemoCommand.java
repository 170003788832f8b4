package org.fraudstats.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.concurrent.Callable;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.fraudstats.bulletin.BulletinPublisher;
import org.fraudstats.bulletin.Published;
import org.fraudstats.catalog.Catalog;
import org.fraudstats.generate.Scale;
import org.fraudstats.generate.SyntheticDrops;
import org.fraudstats.ingest.Ingest;
import org.fraudstats.metrics.AreaFigures;
import org.fraudstats.metrics.Figures;
import org.fraudstats.press.Headline;
import org.fraudstats.press.Topic;
import org.fraudstats.storage.FraudstatsHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The whole job on a synthetic Foshan year: generate it, load it drop by drop, render the latest daily "
                + "bulletin and the 年初以来 bulletin, print the press headline and the files. Safe to run again.")
class DemoCommand implements Callable<Integer> {

    @Option(names = "--year", defaultValue = "2022", description = "the year to simulate (default 2022)")
    int year;

    @Option(names = "--days", defaultValue = "365", description = "how many days of that year, from 1 January (default 365)")
    int days;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    private final Services services;

    DemoCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = from.plusDays(Math.max(1, Math.min(days, from.lengthOfYear())) - 1);
        // the demo keeps its data apart from real loads: a home (and embedded database) of its own
        services.beforeStart("fraudstats.home", "${fraudstats.default-home}/demo");
        FraudstatsHome home = services.get(FraudstatsHome.class);
        Path inbox = home.resolve("inbox");
        Path outDir = home.resolve("out");

        if (!Files.isDirectory(inbox.resolve(to.toString()))) {
            out.printf("1/4 generating a city-scale synthetic year %s..%s into %s%n", from, to, inbox);
            out.flush();
            SyntheticDrops.write(inbox, Scale.CITY, from, to, 2022, 0.002, Catalog.foshan());
        } else {
            out.printf("1/4 synthetic drops already under %s%n", inbox);
        }

        out.printf("2/4 loading %d drops, one at a time as the nightly job would%n", to.toEpochDay() - from.toEpochDay() + 1);
        out.flush();
        int total = (int) (to.toEpochDay() - from.toEpochDay() + 1);
        try (ProgressBar bar = System.console() == null ? null
                : new ProgressBarBuilder().setTaskName("loading").setInitialMax(total).setUnit(" drops", 1).build()) {
            int[] done = {0};
            services.get(Ingest.class).load(inbox, from, to, r -> {
                done[0]++;
                if (bar != null) {
                    bar.stepTo(done[0]);
                } else if (done[0] % 30 == 0) {
                    out.printf("    %d/%d drops%n", done[0], total);
                    out.flush();
                }
            });
        }

        out.println("3/4 rendering the latest daily bulletin and the 年初以来 bulletin");
        out.flush();
        BulletinPublisher publisher = services.get(BulletinPublisher.class);
        Published daily = publisher.daily(to, outDir, EnumSet.allOf(BulletinPublisher.Format.class), null);
        Published range = publisher.range(from, to, outDir, EnumSet.allOf(BulletinPublisher.Format.class), null);

        out.println("4/4 the press headline");
        Catalog catalog = services.get(Catalog.class);
        AreaFigures city = services.get(Figures.class).range(from, to).stream()
                .filter(f -> f.districtCode().equals(catalog.cityCode())).findFirst().orElseThrow();
        // the seed release's two sentences, from the one set of figures
        Headline handling = Headline.of(city, catalog, Topic.HANDLING);
        Headline prevention = Headline.of(city, catalog, Topic.PREVENTION);
        out.println();
        out.println("    " + handling.text() + prevention.text());
        out.println("    " + handling.english() + " " + prevention.english());
        out.println();
        out.println("Bulletins:");
        daily.files().forEach(f -> out.println("    " + f));
        range.files().forEach(f -> out.println("    " + f));
        out.println();
        out.printf("Open the PDF, or look further into the demo's own data:%n    FRAUDSTATS_HOME=%s ./fraudstats metrics --from %s --to %s%n",
                home.root(), to.minusDays(6), to);
        out.flush();
        return 0;
    }
}
