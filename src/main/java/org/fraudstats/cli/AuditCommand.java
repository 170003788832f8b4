package org.fraudstats.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.fraudstats.audit.AuditLog;
import org.fraudstats.audit.AuditRecord;
import tools.jackson.databind.SequenceWriter;
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
        try {
            if (format == Format.json) {
                // one record at a time: a year of audit records need not fit in memory
                // closed only when every record is written: a listing cut off by a failure must not end in "]"
                SequenceWriter json = MetricsOutput.JSON.writer().without(tools.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).writeValuesAsArray(out);
                log.read(Period.fromOrNull(period), Period.toOrNull(period), r -> json.write(json(r)));
                json.close();
                out.print("\n");
            } else {
                // user names and objects come from requests: a value beginning with = stays text in a spreadsheet
                try (CsvWriter csv = ListingCsv.writer(out)) {
                    csv.writeRecord("time", "user", "role", "client", "action", "object", "result");
                    log.read(Period.fromOrNull(period), Period.toOrNull(period), r -> csv.writeRecord(r.shanghaiTime(), ListingCsv.inert(r.user()), r.role(),
                            ListingCsv.inert(r.client()), r.action(), ListingCsv.inert(r.object()),
                            ListingCsv.inert(r.result())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
        return 0;
    }


    private static Map<String, Object> json(AuditRecord r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("time", r.shanghaiTime());
        row.put("user", r.user());
        row.put("role", r.role());
        row.put("client", r.client());
        row.put("action", r.action());
        row.put("object", r.object());
        row.put("result", r.result());
        return row;
    }
}
