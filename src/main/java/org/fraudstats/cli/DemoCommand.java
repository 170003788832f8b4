package org.fraudstats.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.fraudstats.bulletin.BulletinPublisher;
import org.fraudstats.bulletin.Published;
import org.fraudstats.catalog.Catalog;
import org.fraudstats.delivery.Deliveries;
import org.fraudstats.generate.Scale;
import org.fraudstats.generate.SyntheticDrops;
import org.fraudstats.ingest.Ingest;
import org.fraudstats.metrics.AreaFigures;
import org.fraudstats.metrics.Figures;
import org.fraudstats.press.Headline;
import org.fraudstats.press.Topic;
import org.fraudstats.storage.FraudstatsHome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The whole job on a synthetic Foshan: the year before as history (monthly drops), then the year "
                + "drop by drop as the nightly job would, the latest daily bulletin and the 年初以来 bulletin with their "
                + "同比, the daily's mail to a sample list (.eml files without spring.mail.host), the press headline and "
                + "the files. Safe to run again.")
class DemoCommand implements Callable<Integer> {

    /** The demo's own mailing list, written once into the demo's home and read from there (delivery.md). */
    static final String DISTRIBUTION = """
            # The demo's mailing list (delivery.md; README "Mail"). Without spring.mail.host the mails are written as
            # .eml files beside the bulletins (OUT/daily/D/mail/); with a relay they are sent. Edit and run again.
            from: "反诈中心数据专班 <stats@example.gov.cn>"
            allowed_domains: [example.gov.cn]
            max_attachment_mb: 10
            lists:
              leadership:
                products: [daily, weekly, monthly]
                attach: [pdf]
                recipients:
                  - {name: 演示领导, email: leader@example.gov.cn}
              statisticians:
                products: [daily]
                attach: [pdf, xlsx]
                recipients:
                  - {name: 演示统计员, email: analyst@example.gov.cn}
            """;

    @Option(names = "--year", defaultValue = "2022", description = "the year to simulate, after a year of history (default 2022)")
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

    /** The deployment's database, as the application would read it from the environment or a system property. */
    static boolean configuredDatabase() {
        String env = System.getenv("SPRING_DATASOURCE_URL");
        String property = System.getProperty("spring.datasource.url");
        return env != null && !env.isBlank() || property != null && !property.isBlank();
    }

    @Override
    public Integer call() throws Exception {
        // said as the option, exit 2: -1 ran a one-day demo, exit 0, and a year out of range failed in java.time's words (review 32b)
        if (year < 2000 || year > 2100) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--year " + year + ": a year from 2000 to 2100");
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        if (days < 1 || days > from.lengthOfYear()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--days " + days + ": from 1 to " + from.lengthOfYear());
        }
        var out = spec.commandLine().getOut();
        LocalDate to = from.plusDays(days - 1);
        // the year before, whole: the 同比 of every table and the year to date's 去年同期 read it
        LocalDate historyFrom = from.minusYears(1);
        LocalDate historyTo = from.minusDays(1);
        // the demo keeps its data apart from real loads: a home (and embedded database) of its own, and its own list.
        // A database configured for the deployment is not the demo's: with SPRING_DATASOURCE_URL set it loaded 17,000
        // synthetic cases and 2 million warnings into production, published bulletins and moved the real 同比 (tester)
        if (configuredDatabase()) {
            out.println("demo: SPRING_DATASOURCE_URL is set and left alone: the demo runs on a PostgreSQL of its own "
                    + "under the demo's home, so that no synthetic record reaches that database");
            out.flush();
        }
        services.beforeStart("spring.datasource.url", "");
        services.beforeStart("fraudstats.home", "${fraudstats.default-home}/demo");
        services.beforeStart("fraudstats.distribution", "${fraudstats.default-home}/demo/distribution.yml");
        FraudstatsHome home = services.get(FraudstatsHome.class);
        Path inbox = home.resolve("inbox");
        Path outDir = home.resolve("out");
        Path distribution = home.resolve("distribution.yml");
        if (!Files.exists(distribution)) {
            Files.writeString(distribution, DISTRIBUTION);
        }

        if (!Files.isDirectory(inbox.resolve(historyTo.toString())) || !Files.isDirectory(inbox.resolve(to.toString()))) {
            out.printf("1/5 generating a city-scale synthetic %d as history (one drop a month) and %s..%s (one drop a day) into %s%n",
                    historyFrom.getYear(), from, to, inbox);
            out.flush();
            // a year of history is what a new deployment imports once, in a few large drops, before its first night
            // (not faster: the rows, not the drops, take the time; README, Quick start)
            SyntheticDrops.writeReplacingOwn(inbox, Scale.CITY, historyFrom, historyTo, year - 1L, 0.002, Catalog.foshan(), true);
            SyntheticDrops.writeReplacingOwn(inbox, Scale.CITY, from, to, year, 0.002, Catalog.foshan(), false);
        } else {
            out.printf("1/5 synthetic drops already under %s%n", inbox);
        }

        int total = (int) (to.toEpochDay() - from.toEpochDay() + 1) + 12;
        out.printf("2/5 loading %d drops: %d's 12 months, then %d days one at a time as the nightly job would%n",
                total, historyFrom.getYear(), total - 12);
        out.flush();
        try (ProgressBar bar = System.console() == null ? null
                : new ProgressBarBuilder().setTaskName("loading").setInitialMax(total).setUnit(" drops", 1).build()) {
            int[] done = {0};
            services.get(Ingest.class).load(inbox, historyFrom, to, r -> {
                done[0]++;
                if (bar != null) {
                    bar.stepTo(done[0]);
                } else if (done[0] % 30 == 0) {
                    out.printf("    %d/%d drops%n", done[0], total);
                    out.flush();
                }
            });
        }

        out.println("3/5 rendering the latest daily bulletin and the 年初以来 bulletin");
        out.flush();
        BulletinPublisher publisher = services.get(BulletinPublisher.class);
        Published daily = publisher.daily(to, outDir, EnumSet.allOf(BulletinPublisher.Format.class), null);
        Published range = publisher.range(from, to, outDir, EnumSet.allOf(BulletinPublisher.Format.class), null);

        out.println("4/5 mailing the daily bulletin to the lists of " + distribution);
        out.flush();
        Deliveries deliveries = services.get(Deliveries.class);
        deliveries.checkConfiguration();
        deliveries.forgetRelay();
        deliveries.afterPublishing(List.of(daily, range), outDir, line -> out.println("    " + line));

        out.println("5/5 the press headline");
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
        List<Path> mails = mails(daily);
        if (!mails.isEmpty()) {
            out.println("Mails (no spring.mail.host: written instead of sent; open them in any mail client):");
            mails.forEach(f -> out.println("    " + f));
        }
        out.println();
        out.printf("Open the PDF, or look further into the demo's own data:%n    FRAUDSTATS_HOME=%s ./fraudstats metrics --from %s --to %s%n",
                shellWord(home.root().toString()), to.minusDays(6), to);
        out.flush();
        return 0;
    }

    /**
     * A path as it is pasted into a shell: as it is when nothing in it means anything to one, else in single quotes.
     * The hint above, pasted as printed, failed for a home named "反诈 中心/demo home" (r42a).
     */
    static String shellWord(String path) {
        return path.matches("[A-Za-z0-9_./:+@%=,-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
    }

    /** The .eml files the mail step wrote beside the daily bulletin (none when a relay took them). */
    private static List<Path> mails(Published daily) throws IOException {
        Path folder = daily.files().get(0).getParent().resolve("mail");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml")).sorted().toList();
        }
    }
}
