package org.fraudstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.fraudstats.delivery.Deliveries;
import org.fraudstats.settings.BusinessTime;
import org.fraudstats.storage.ListingCsv;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "deliveries", mixinStandardHelpOptions = true,
        description = "List the mails of the bulletins (delivery.md): one row per list, recipient and bulletin, with its state.")
class DeliveriesCommand implements Callable<Integer> {

    enum Format { csv, json }

    /** By the bulletin's date (a weekly or monthly one's last day); both or neither, as rejects. */
    @ArgGroup(exclusive = false)
    Period period;

    @Option(names = "--failed", description = "only the mails given up after 6 hours of retries")
    boolean failed;

    @Option(names = "--format", defaultValue = "csv", description = "csv (default) or json")
    Format format;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    private final Services services;

    DeliveriesCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        Period.checkIfGiven(period, spec);
        LocalDate first = period != null ? period.from : LocalDate.of(1, 1, 1);
        LocalDate last = period != null ? period.to : LocalDate.of(9999, 12, 31);
        List<Deliveries.Row> rows = services.get(Deliveries.class).list(first, last, failed);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(JsonMapper.builder().build().writeValueAsString(rows.stream().map(DeliveriesCommand::json).toList()));
        } else {
            // a relay's error may hold commas, quotes and line breaks: quoted
            try (CsvWriter csv = ListingCsv.writer(out)) {
                csv.writeRecord("date", "kind", "revision", "list", "recipient", "state", "attempts", "sent_at", "message_id", "error");
                for (Deliveries.Row r : rows) {
                    csv.writeRecord(r.date().toString(), r.kind(), String.valueOf(r.revision()), ListingCsv.inert(r.list()),
                            ListingCsv.inert(r.recipient()), r.state(), String.valueOf(r.attempts()),
                            r.sentAt() == null ? "" : shanghai(r.sentAt()), ListingCsv.inert(r.messageId()), ListingCsv.inert(oneLine(r.error())));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> json(Deliveries.Row r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("date", r.date().toString());
        row.put("kind", r.kind());
        // the bulletin as the API dates it (a week's whole period): the key to join with /api/v1/bulletins
        row.put("period", r.period());
        row.put("revision", r.revision());
        row.put("list", r.list());
        row.put("recipient", r.recipient());
        row.put("state", r.state());
        row.put("attempts", r.attempts());
        row.put("sent_at", r.sentAt() == null ? null : shanghai(r.sentAt()));
        row.put("message_id", r.messageId());
        row.put("error", r.error());
        return row;
    }

    /** In Foshan's time with its offset, to the second, as `audit` and `user list` print times (2022-10-25T07:05:12+08:00). */
    private static String shanghai(java.time.Instant time) {
        return BusinessTime.isoSeconds(time);
    }

    /** A relay's error over several lines (a nested exception) as one: scripts read the CSV line by line. */
    private static String oneLine(String error) {
        return error == null ? null : error.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
