package org.fraudstats.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.generate.Scale;
import org.fraudstats.generate.Summary;
import org.fraudstats.generate.SyntheticDrops;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write deterministic synthetic drops shaped like Foshan's 2022 figures (city), 100x (province) or 1000x (national).")
class GenerateCommand implements Callable<Integer> {

    /** The longest history one command writes, as the portal's longest period. */
    static final int MAX_YEARS = 10;

    enum ScaleName { city, province, national }

    @Option(names = "--scale", defaultValue = "city", description = "city (default), province or national")
    ScaleName scale;

    @Mixin
    Period period;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write the drops into: a new one, or one generate wrote before (not the nightly inbox)")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "the same seed writes the same bytes (default 1)")
    long seed;

    @Option(names = "--bad-rate", defaultValue = "0.002", paramLabel = "RATE",
            description = "share of rows that break a rule of feeds.md, 0 to 0.5 (default 0.002)")
    double badRate;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    GenerateCommand(Services services) {
        // generating needs no database: the catalogue is the default one of feeds.md
    }

    @Override
    public Integer call() throws Exception {
        period.check(spec);
        if (!(badRate >= 0 && badRate <= 0.5)) {
            // a usage error naming the option (exit 2), not the generator's field name with exit 1 (review)
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--bad-rate " + badRate + " is out of range: 0 to 0.5");
        }
        if (!period.to.isBefore(period.from.plusYears(MAX_YEARS))) {
            // a national day is ~400 MB: a century asked by mistake began writing tens of terabytes (r36c)
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--from " + period.from + " --to " + period.to
                    + " is longer than " + MAX_YEARS + " years: generate a longer history in pieces");
        }
        // never into the inbox the night reads, even empty (a new deployment's before its first drop); found as
        // application.properties finds it (fraudstats.inbox), from the environment: generate starts no application context
        String home = System.getenv("FRAUDSTATS_HOME");
        String inbox = System.getenv("FRAUDSTATS_INBOX");
        Path nightInbox = (inbox != null && !inbox.isBlank() ? Path.of(inbox)
                : (home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".fraudstats")).resolve("inbox"))
                .toAbsolutePath().normalize();
        if (out.toAbsolutePath().normalize().equals(nightInbox)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--out " + out + " is the inbox the nightly run reads "
                    + "(FRAUDSTATS_INBOX, default $FRAUDSTATS_HOME/inbox): synthetic drops there would be loaded as real ones");
        }
        // nor into a folder holding drops it did not write (a real inbox, whose night would load the synthetic days it
        // lacks as drops: review 36e); the folders it writes say they are synthetic
        java.util.Optional<Path> real = SyntheticDrops.notGenerated(out);
        if (real.isPresent()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--out " + out + " holds drops generate did not write ("
                    + real.get() + "): generate writes into a new folder or one it wrote before, never an inbox of real drops");
        }
        List<Path> existing = SyntheticDrops.existingDrops(out, period.from, period.to);
        if (!existing.isEmpty()) {
            // feeds.md: the pipeline never writes to drops; an --out pointed at the real inbox replaced its files (r36c)
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--out " + out + " already holds "
                    + (existing.size() == 1 ? "the drop " + existing.get(0) : existing.size() + " of these drops, the first " + existing.get(0))
                    + ": generate writes new drop folders only and never replaces one; choose an empty --out");
        }
        SyntheticDrops.markSynthetic(out);
        Summary s = SyntheticDrops.write(out, Scale.valueOf(scale.name().toUpperCase(java.util.Locale.ROOT)), period.from, period.to, seed, badRate, Catalog.foshan());
        spec.commandLine().getOut().printf("%d drops written to %s: %d cases, %d freezes, %d refunds, %d warnings (%d bad rows), %.1f MB%n",
                s.days(), out, s.caseRows(), s.freezeRows(), s.refundRows(), s.warningRows(), s.badRows(), s.bytes() / 1e6);
        return 0;
    }
}
