package org.fraudstats.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.fraudstats.delivery.Deliveries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "deliver", mixinStandardHelpOptions = true,
        description = "Send now the pending mails of one bulletin (all lists), and try its failed ones once more; --resend sends every recipient's mail again as a new recorded delivery (of a bulletin never mailed, to the lists of today).")
class DeliverCommand implements Callable<Integer> {

    enum Kind { daily, weekly, monthly }

    @Option(names = "--date", required = true, paramLabel = "D", description = "the bulletin's date (a weekly or monthly bulletin's last day)")
    LocalDate date;

    @Option(names = "--kind", defaultValue = "daily", description = "daily (default), weekly or monthly")
    Kind kind;

    @Option(names = "--resend", description = "send again even the mails already sent; of a bulletin never mailed, its latest revision to the lists of today")
    boolean resend;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    private final Services services;

    DeliverCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // a weekly or monthly bulletin is named by its last day: another day named no bulletin, and --resend said
        // "was published" of none (review)
        if (kind == Kind.weekly && date.getDayOfWeek() != java.time.DayOfWeek.SUNDAY) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--date " + date
                    + " is not a Sunday: a weekly bulletin's date is its last day");
        }
        if (kind == Kind.monthly && date.getDayOfMonth() != date.lengthOfMonth()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--date " + date
                    + " is not the last day of its month: a monthly bulletin's date is its last day");
        }
        Deliveries deliveries = services.get(Deliveries.class);
        deliveries.checkConfiguration();
        // a catch-up script told "nothing to send" with exit 0 could not tell a bulletin mailed already from one never
        // published (tester api29)
        if (!deliveries.published(date, kind.name())) {
            throw new UserError("no " + kind + " bulletin " + date + " was published: nothing to send (" + (kind == Kind.daily
                    ? "nightly --date or rerun publishes it" : "rerun --from … --to " + date + " --range publishes it") + ")");
        }
        int pending = deliveries.deliver(date, kind.name(), resend, line -> {
            out.println(line);
            out.flush();
        });
        if (pending == 0) {
            out.println(kind + " " + date + ": nothing to send" + (resend || deliveries.anyMailRecorded(date, kind.name()) ? ""
                    : " (no mail of it was ever recorded: it was published by a rerun, which mails nothing, or by a night "
                            + "without a distribution list; --resend mails its latest revision to the lists of today)"));
        }
        out.flush();
        return 0;
    }
}
