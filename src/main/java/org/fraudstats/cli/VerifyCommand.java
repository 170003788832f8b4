package org.fraudstats.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Recompute the daily rollups of a period straight from the facts and print every difference.")
class VerifyCommand implements Callable<Integer> {

    @Mixin
    Period period;

    @Option(names = "--repair", description = "after printing the differences, rewrite the period's rollups from the facts "
            + "(for facts corrected by hand, outside the loader); audited, and recorded as a change of the days it changed, "
            + "whose published bulletins the next nightly revises")
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
        java.util.Optional<String> archived = services.get(DailyRollups.class).archivedMonths(period.from, period.to);
        if (archived.isPresent()) {
            // every rollup row of an archived month differs from facts that are gone: thousands of lines that said
            // nothing of the archive (tester C)
            if (repair) {
                String refused = DailyRollups.repairRefused(period.from, period.to, archived.get());
                services.get(AuditTrail.class).record(new AuditEvent(Actor.commandLine().user(), "", Actor.commandLine().client(), "rollups-repair",
                        period.from + ".." + period.to, "failure: " + refused));
                throw new UserError(refused);
            }
            throw new UserError("verify of " + period.from + ".." + period.to + " refused: the facts of " + archived.get()
                    + " were archived, so their rollups, the only figures left of them, have no facts to be checked against; "
                    + "verify live months only");
        }
        RollupCheck check = services.get(RollupCheck.class);
        java.time.OffsetDateTime began = check.begins();
        long upTo = check.latestChange();
        List<RollupDifference> differences = check.differences(period.from, period.to);
        // kept as a night's check keeps them: a difference verify prints stops the nights and reruns that read its day
        check.keep(period.from, period.to, differences, began);
        var out = spec.commandLine().getOut();
        differences.forEach(d -> out.print(d.line() + "\n"));
        out.flush();
        // rows loaded before money's 10-digit bound that may be card numbers: right as rollups, wrong as figures
        check.outsizedAmounts(period.from, period.to).ifPresent(warning -> {
            spec.commandLine().getErr().print("fraudstats verify: warning: " + warning + "\n");
            spec.commandLine().getErr().flush();
        });
        if (differences.isEmpty()) {
            // holding every day changed since the last check that passed, it is one (a month can then be archived)
            check.passIfItCoversEveryChange(period.from, period.to, upTo);
            out.print("rollups " + period.from + ".." + period.to + ": as the facts say\n");
            out.flush();
            return 0;
        }
        if (repair) {
            return repair();
        }
        // a wrong rollup is a wrong figure: fail like any other failure, one line on standard error
        spec.commandLine().getErr().print("fraudstats verify: " + differences.size() + " rollup rows of " + period.from + ".."
                + period.to + " differ from the facts\n");
        spec.commandLine().getErr().flush();
        return 1;
    }

    /**
     * What a repair changed: the rows rewritten and their days, none when the rollups were right by then, and the rows
     * that still differ after it.
     */
    private record Repaired(int rows, SortedSet<LocalDate> days, int left) {
    }

    /**
     * Facts changed without the loader (a correction in psql) leave the rollups, and so every figure, behind: the
     * rebuild makes the period's rollups what the facts say, under the loader's lock so that no drop is merged
     * meanwhile, and checks again. A change of published figures, so it goes into the audit log, and it is recorded
     * like a load's change of those days (DailyRollups.repair): the nightly revises their published bulletins and
     * the press headline waits for them. The days are those whose rows differ when read in the repair's own
     * REPEATABLE READ transaction, the snapshot the rebuild reads too, so they are exactly the days it changes
     * (the first check, before the lock, may be older: a load could have recomputed a day in between).
     */
    private int repair() {
        var out = spec.commandLine().getOut();
        String by = Actor.commandLine().user();
        Repaired repaired;
        try (RunLock.Held held = services.get(RunLock.class).ingest()) {
            TransactionTemplate transaction = new TransactionTemplate(services.get(PlatformTransactionManager.class));
            transaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
            repaired = transaction.execute(status -> {
                RollupCheck check = services.get(RollupCheck.class);
                java.time.OffsetDateTime began = check.begins();
                List<RollupDifference> found = check.differences(period.from, period.to);
                SortedSet<LocalDate> days = found.stream().map(RollupDifference::day).collect(Collectors.toCollection(TreeSet::new));
                if (days.isEmpty()) {
                    keepWhatIsLeft(check, List.of(), began);
                    return new Repaired(0, days, 0);
                }
                services.get(DailyRollups.class).repair(period.from, period.to, days, found.size(), by);
                // checked again in the same snapshot of the facts, and the audit row committed with the rows it
                // reports: a repair that commits has its row, one whose row cannot be written does not happen
                List<RollupDifference> left = check.differences(period.from, period.to);
                services.get(AuditTrail.class).record(new AuditEvent(by, "", Actor.commandLine().client(), "rollups-repair", period.from + ".." + period.to,
                        left.isEmpty() ? "success: " + found.size() + " rows rewritten" : "failure: " + left.size() + " rows still differ"));
                keepWhatIsLeft(check, left, began);
                return new Repaired(found.size(), days, left.size());
            });
        } catch (RuntimeException refused) {
            // a repair asked for and not made (an archived month, a load holding the lock, its own audit row refused)
            // is said in the log too, in the line the command prints; if that cannot be written either (the database
            // gone), the first failure is the one to report
            try {
                services.get(AuditTrail.class).record(new AuditEvent(by, "", Actor.commandLine().client(), "rollups-repair", period.from + ".." + period.to,
                        "failure: " + Cli.userMessage(refused)));
            } catch (RuntimeException unrecorded) {
                refused.addSuppressed(unrecorded);
            }
            throw refused;
        }
        int left = repaired.left();
        if (left > 0) {
            spec.commandLine().getErr().print("fraudstats verify: " + left + " rollup rows of " + period.from + ".." + period.to
                    + " still differ from the facts after the repair\n");
            spec.commandLine().getErr().flush();
            return 1;
        }
        out.print("rollups " + period.from + ".." + period.to + ": " + repaired.rows() + " rows rewritten from the facts"
                + changedDays(repaired.days()) + "\n");
        out.flush();
        return 0;
    }

    /**
     * What the repair's own second check found, kept as any check's (the days it mended are suspect no more), in its
     * transaction: a third verify of the period after it read again what the repair had just read. Nothing left, and
     * every day changed since the last check in the period (the repair's own change included, under the loader's
     * lock), it passes for a check.
     */
    private void keepWhatIsLeft(RollupCheck check, List<RollupDifference> left, java.time.OffsetDateTime began) {
        check.keep(period.from, period.to, left, began);
        if (left.isEmpty()) {
            check.passIfItCoversEveryChange(period.from, period.to, check.latestChange());
        }
    }

    /** Which days the repair changed, and what becomes of their bulletins and headlines. */
    private static String changedDays(SortedSet<LocalDate> days) {
        if (days.isEmpty()) {
            return "";
        }
        boolean one = days.size() == 1;
        return (one ? " on " + days.first() : " on " + days.size() + " days, " + days.first() + " to " + days.last())
                + "; the next nightly re-renders the published bulletins of " + (one ? "that day" : "those days")
                + " (a revision where a figure moved), and a headline over " + (one ? "it" : "any of them")
                + " is held until a bulletin rendered after this repair stands; `rerun --from " + days.first() + " --to "
                + days.last() + "` re-renders them now";
    }
}
