package org.fraudstats.cli;

import java.util.concurrent.Callable;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.fraudstats.ingest.RejectedRow;
import org.fraudstats.ingest.Rejects;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rejects", mixinStandardHelpOptions = true,
        description = "List every rejected row once: oldest drop first, then by file and line. Account numbers appear masked.")
class RejectsCommand implements Callable<Integer> {

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

    RejectsCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        if (period != null) {
            period.check(spec);
        }
        var out = spec.commandLine().getOut();
        Rejects rejects = services.get(Rejects.class);
        if (format == Format.json) {
            out.print(rejects.json(period == null ? null : period.from, period == null ? null : period.to));
        } else {
            // RFC 4180 quoting where needed: reasons hold commas ("row has 8 fields, header has 7")
            try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out)) {
                csv.writeRecord("drop_date", "file", "line", "record_id", "reason");
                rejects.list(period == null ? null : period.from, period == null ? null : period.to, (RejectedRow row) ->
                        csv.writeRecord(row.dropDate().toString(), row.file(), Integer.toString(row.line()),
                                inert(row.recordId()), inert(row.reason())));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        out.flush();
        return 0;
    }

    /**
     * A CSV listing is opened in spreadsheets, and a value copied from a feed that begins with = + - @, a tab or a
     * CR would be run there as a formula (=cmd|' /C calc'!A0). Such a value gets a leading ' (OWASP's advice), which
     * a spreadsheet shows as text; JSON is not run by anything, so it keeps the value as written.
     */
    static String inert(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }
}
