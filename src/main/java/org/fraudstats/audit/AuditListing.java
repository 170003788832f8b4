package org.fraudstats.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.fraudstats.storage.IndentedJson;
import org.fraudstats.storage.ListingCsv;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log as `./fraudstats audit` prints it (web.md: CSV columns time,user,role,client,action,object,result,
 * or JSON with those keys), oldest first, one record at a time (half a year of events never sits in memory). The
 * API answers the same bytes, so an auditor exports a quarter for the supervising authority from the portal,
 * without the server's shell (tester).
 */
public final class AuditListing {

    private static final JsonMapper JSON = IndentedJson.mapper();

    private AuditListing() {
    }

    public static void csv(AuditLog log, LocalDate from, LocalDate to, AuditFilter which, Writer out) {
        // user names and objects come from requests: a value beginning with = stays text in a spreadsheet; role and
        // action too, which the application writes as codes but anyone holding the application's database password
        // can insert (r37b). Flushed, not closed: the writer is the caller's (standard output, a response)
        CsvWriter csv = ListingCsv.writer(out);
        csv.writeRecord("time", "user", "role", "client", "action", "object", "result");
        log.read(from, to, r -> {
            if (which.test(r)) {
                csv.writeRecord(r.shanghaiTime(), ListingCsv.inert(r.user()), ListingCsv.inert(r.role()), ListingCsv.inert(r.client()),
                        ListingCsv.inert(r.action()),
                        ListingCsv.inert(r.object()), ListingCsv.inert(r.result()));
            }
        });
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void json(AuditLog log, LocalDate from, LocalDate to, AuditFilter which, Writer out) {
        try {
            // closed only when every record is written: a listing cut off by a failure must not end in "]"
            SequenceWriter json = JSON.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET).writeValuesAsArray(out);
            log.read(from, to, r -> {
                if (which.test(r)) {
                    json.write(json(r));
                }
            });
            json.close();
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
