package org.fraudstats.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.fraudstats.bulletin.BulletinPublisher;
import org.fraudstats.bulletin.Rerun;
import org.fraudstats.delivery.Deliveries;
import org.fraudstats.bulletin.RerunProgress;
import org.fraudstats.settings.BusinessTime;
import org.fraudstats.storage.FraudstatsHome;
import org.fraudstats.storage.RunLock;
import org.springframework.batch.core.BatchStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rerun", mixinStandardHelpOptions = true,
        description = "Recompute and render the daily bulletin of every day in the range (and with --range the range bulletin).")
class RerunCommand implements Callable<Integer> {

    @Mixin
    Period period;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: $FRAUDSTATS_OUT, else $FRAUDSTATS_HOME/out)")
    Path out;

    @Option(names = "--formats", split = ",", defaultValue = "pdf,xlsx", description = "pdf,xlsx (default both)")
    List<BulletinPublisher.Format> formats;

    @Option(names = "--range", description = "also render the bulletin of the whole range (周报, 月报, 年初以来…)")
    boolean range;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    private final Services services;

    RerunCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        period.check(spec);
        BusinessTime.notYet(period.to, services.get(Clock.class)).ifPresent(why -> {
            throw new CommandLine.ParameterException(spec.commandLine(), "--to " + why);
        });
        // Without a records-start the command renders any day (the portal refuses days before the first one loaded);
        // a deployment that says when its records start is refused days before it: their bulletins count nothing, and
        // a daily of a stray record's day printed "0宗" for a day the centre has no record of (tester)
        services.get(org.fraudstats.bulletin.FirstDayLoaded.class).recordsStart().filter(period.from::isBefore).ifPresent(start -> {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from " + period.from + " is before the records start ("
                    + start + ", fraudstats.records-start): no bulletin counts a day before it; rerun from " + start
                    + (range ? " (a week or month holding the start is revised by the night when its days change)" : ""));
        });
        // a typing error, as --inbox's is: it was a FAILED job in the history, exit 1, after the run began (review 32b)
        // (or a folder above it, which it would be made in: review 32c)
        Path existing = out == null ? null : out.toAbsolutePath();
        while (existing != null && !java.nio.file.Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing != null && !java.nio.file.Files.isDirectory(existing)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + ": "
                    + (existing.equals(out.toAbsolutePath()) ? "not a folder" : existing + " is not a folder"));
        }
        Path target = out != null ? out : services.get(FraudstatsHome.class).defaultOut();
        if (out != null) {
            // the portal serves, and mail attaches, a file of such a folder never (a link there to account.key would
            // go to every reader): said before the rerun, not found by a mail retried for 6 hours (tester)
            org.fraudstats.storage.OwnFiles.whyNotHandedOut(out, services.get(FraudstatsHome.class).root()).ifPresent(why ->
                    spec.commandLine().getErr().println("fraudstats rerun: warning: --out " + out + " " + why + ": the portal will not serve "
                            + "its files nor a mail attach them; a rerun without --out writes them into the home's folder"));
        }
        Set<BulletinPublisher.Format> chosen = EnumSet.copyOf(formats);
        int days = (int) (period.to.toEpochDay() - period.from.toEpochDay() + 1);
        Rerun.Result result;
        try (RunLock.Held held = services.get(RunLock.class).days("rerun", period.from, period.to);
             ProgressBar bar = progressBar(days)) {
            services.get(RerunProgress.class).listen(done -> {
                if (bar != null) {
                    bar.stepTo(done);
                }
            });
            result = services.get(Rerun.class).run(period.from, period.to, target, chosen, range);
        } catch (RunLock.Refused e) {
            throw new UserError(e.getMessage());
        }
        var outWriter = spec.commandLine().getOut();
        if (result.status() != BatchStatus.COMPLETED) {
            // UNKNOWN is Batch's word for an end it could not record (the database lost): "rerun … unknown" read as
            // "we do not know" (r39b)
            String ended = result.status() == BatchStatus.UNKNOWN ? "did not finish"
                    : result.status().name().toLowerCase(java.util.Locale.ROOT);
            throw new UserError("rerun " + period.from + ".." + period.to + " " + ended
                    + " (job execution " + result.jobExecutionId() + "): " + result.failure()
                    + "; once that is put right, run the same command again to finish only the missing days");
        }
        // the range bulletin goes to OUT/range, beside OUT/daily: name the folder holding both
        outWriter.printf("%d daily bulletins%s rendered into %s (job execution %d%s)%n", days,
                range ? " and the range bulletin" : "", range ? target : target.resolve("daily"), result.jobExecutionId(),
                // a repeated rerun after a kill renders only the days still missing: say how many, not only the total
                result.restarted() ? ", restarted: " + result.renderedNow() + " rendered now"
                        + (days > result.renderedNow() ? ", " + (days - result.renderedNow()) + " before it stopped" : "") : "");
        // "rendered" alone would tell a statistician that every day was published again, mailed revisions included
        int unchanged = days - result.publishedDays();
        if (unchanged > 0 || (range && !result.publishedRange())) {
            outWriter.printf("%s unchanged since published, kept as published (no new revision, nothing mailed)%n",
                    unchanged(unchanged, range && !result.publishedRange()));
        }
        // published with 数据未到: done, as asked, but a script reading exit 0 took such a week for a whole one, which
        // the schedule records MISSING_DATA (review 33d); the days, so that a statistician can load them and rerun
        java.util.List<java.time.LocalDate> notArrived;
        try {
            notArrived = services.get(org.fraudstats.bulletin.MissingData.class).daysNotArrived(period.from, period.to);
        } catch (RuntimeException e) {
            // the rerun is done: a database lost now is not its failure, and the revisions' mails below still go (review
            // 33e); but a script reading no warning takes every day for arrived, so the unknown is said (r43d)
            notArrived = java.util.List.of();
            // said in the words every error line uses, masked, and not in the words of a day not arrived, which a script
            // may look for (review r43e)
            spec.commandLine().getErr().printf("fraudstats rerun: warning: could not check %s..%s for days whose data is missing "
                    + "(%s): the bulletins say it, or run the same rerun again%n", period.from, period.to,
                    org.fraudstats.storage.DigitRuns.mask(Cli.userMessage(e)));
        }
        if (!notArrived.isEmpty()) {
            boolean one = notArrived.size() == 1;
            // named as the other commands' warnings are, whose lines a log of several commands tells apart (r33f)
            spec.commandLine().getErr().printf("fraudstats rerun: warning: the data of %s had not arrived (数据未到): the bulletins holding %s say so, "
                    + "and are revised by the next night or a rerun once %s loaded%n", org.fraudstats.settings.BusinessTime.daysNamed(notArrived),
                    one ? "it" : "them", one ? "its drop is" : "their drops are");
            services.outcome(org.fraudstats.audit.AuditWords.NOT_ARRIVED_DAYS.line(org.fraudstats.settings.BusinessTime.daysNamed(notArrived)));
        }
        // a rerun that revised published bulletins mails the revisions, as a step that never fails the rerun
        services.get(Deliveries.class).afterRerun(result.jobExecutionId(), target, line -> outWriter.println(line));
        outWriter.flush();
        return 0;
    }

    private static String unchanged(int days, boolean range) {
        String dailies = days == 0 ? "" : days == 1 ? "1 daily bulletin" : days + " daily bulletins";
        return range ? (dailies.isEmpty() ? "the range bulletin" : dailies + " and the range bulletin") : dailies;
    }

    /** A bar on a terminal only: scripts and logs get the summary line alone. */
    private static ProgressBar progressBar(int days) {
        if (System.console() == null) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("rendering").setInitialMax(days).setUnit(" days", 1).build();
    }
}
