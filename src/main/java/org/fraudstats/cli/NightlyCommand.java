package org.fraudstats.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.fraudstats.nightly.NightlyPipeline;
import org.fraudstats.settings.BusinessTime;
import org.fraudstats.settings.FraudstatsSettings;
import org.fraudstats.storage.FraudstatsHome;
import org.fraudstats.storage.RunLock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = "What the scheduler runs: load D's drop (and any late one), re-render every changed day as a new revision, render D's bulletin.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done", "1:failed, or D's drop had not arrived (the bulletin then carries a 数据未到 notice)", "2:usage error"})
class NightlyCommand implements Callable<Integer> {

    @Option(names = "--date", paramLabel = "D", description = "business day (default: yesterday in Asia/Shanghai)")
    LocalDate date;

    @Option(names = "--inbox", paramLabel = "DIR", description = "folder of drops (default: $FRAUDSTATS_INBOX, else $FRAUDSTATS_HOME/inbox)")
    Path inbox;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: $FRAUDSTATS_OUT, else $FRAUDSTATS_HOME/out)")
    Path out;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    private final Services services;

    NightlyCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        LocalDate day = date != null ? date : BusinessTime.yesterday(services.get(Clock.class));
        BusinessTime.notYet(day, services.get(Clock.class)).ifPresent(why -> {
            throw new CommandLine.ParameterException(spec.commandLine(), "--date " + why);
        });
        // an inbox named on the command line that is not there is a typing error, as for ingest: read as 数据未到, the
        // night published a bulletin saying the data had not come, and mailed it (tester C)
        if (inbox != null) {
            org.fraudstats.ingest.Inbox.whyNotAnInbox(inbox).ifPresent(why -> {
                throw new CommandLine.ParameterException(spec.commandLine(), "--inbox " + inbox + why);
            });
        }
        FraudstatsHome home = services.get(FraudstatsHome.class);
        var o = spec.commandLine().getOut();
        NightlyPipeline.Result result;
        try {
            result = services.get(NightlyPipeline.class).run(day, inbox != null ? inbox : services.get(FraudstatsSettings.class).inbox(),
                    out != null ? out : home.defaultOut(), line -> {
                        // a warning goes to standard error, as ingest's do: a cron job that mails its errors never saw
                        // the one saying the inbox share was not mounted (tester)
                        if (org.fraudstats.nightly.NightlyLines.warning(line)) {
                            spec.commandLine().getErr().println("fraudstats nightly: " + line);
                            spec.commandLine().getErr().flush();
                        } else {
                            o.println(line);
                            o.flush();
                        }
                    });
        } catch (RunLock.Refused e) {
            throw new UserError(e.getMessage());
        }
        if (result.dataMissing()) {
            spec.commandLine().getErr().println("fraudstats nightly: the drop of " + day
                    + " has not arrived (数据未到); its bulletin says so and will be revised when the drop comes");
        }
        return result.exitCode();
    }
}
