package org.fraudstats.cli;

import java.util.concurrent.Callable;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.fraudstats.ingest.RejectedRow;
import org.fraudstats.ingest.Rejects;
import org.fraudstats.storage.ListingCsv;
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
        Period.checkIfGiven(period, spec);
        var out = spec.commandLine().getOut();
        Rejects rejects = services.get(Rejects.class);
        if (format == Format.json) {
            try {
                rejects.json(Period.fromOrNull(period), Period.toOrNull(period), out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        } else {
            // reasons hold commas ("row has 8 fields, header has 7"): quoted
            try (CsvWriter csv = ListingCsv.writer(out)) {
                csv.writeRecord("drop_date", "file", "line", "record_id", "reason");
                rejects.list(Period.fromOrNull(period), Period.toOrNull(period), (RejectedRow row) ->
                        csv.writeRecord(row.dropDate().toString(), row.file(), Integer.toString(row.line()),
                                ListingCsv.inert(row.recordId()), ListingCsv.inert(row.reason())));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        out.flush();
        return 0;
    }
}
