package org.fraudstats.cli;

import java.util.concurrent.Callable;

import org.fraudstats.audit.AuditFilter;
import org.fraudstats.audit.AuditListing;
import org.fraudstats.audit.AuditLog;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `audit [--from D --to D] [--format csv|json]` (web.md "Audit log"): the audit log, oldest first. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Print the audit log (sign-ins, downloads, reads, reruns, changes of users and tokens, refused requests), "
                + "oldest first; times in Asia/Shanghai. --from/--to select business days.")
class AuditCommand implements Callable<Integer> {

    enum Format { csv, json }

    @ArgGroup(exclusive = false)
    Period period;

    @Option(names = "--format", defaultValue = "csv", description = "csv (default) or json")
    Format format;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    private final Services services;

    AuditCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        Period.checkIfGiven(period, spec);
        var out = spec.commandLine().getOut();
        AuditLog log = services.get(AuditLog.class);
        if (format == Format.json) {
            AuditListing.json(log, Period.fromOrNull(period), Period.toOrNull(period), AuditFilter.ALL, out);
        } else {
            AuditListing.csv(log, Period.fromOrNull(period), Period.toOrNull(period), AuditFilter.ALL, out);
        }
        out.flush();
        return 0;
    }
}
