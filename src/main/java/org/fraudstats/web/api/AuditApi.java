package org.fraudstats.web.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fraudstats.audit.AuditLog;
import org.fraudstats.audit.AuditRecord;
import org.fraudstats.metrics.MetricsListing;
import org.fraudstats.web.portal.Inputs;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SequenceWriter;

/**
 * The audit log (web.md), auditors only: what `./fraudstats audit --format json` prints, the same keys in the same
 * order, streamed record by record as the command does (half a year of events never sits in memory).
 */
@RestController
@PreAuthorize("hasRole('AUDITOR')")
class AuditApi {

    private final AuditLog log;
    private final StreamedListings listings;

    AuditApi(AuditLog log, StreamedListings listings) {
        this.log = log;
        this.listings = listings;
    }

    @GetMapping("/api/v1/audit")
    ResponseEntity<StreamingResponseBody> events(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate[] period = from == null && to == null ? new LocalDate[] {null, null} : Inputs.period(from, to);
        StreamingResponseBody body = listings.start("read-audit", period[0] == null ? "all" : period[0] + ".." + period[1], out -> {
            // closed only when every record is written: a listing cut off by a failure must not end in "]"
            SequenceWriter json = MetricsListing.JSON.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET).writeValuesAsArray(out);
            log.read(period[0], period[1], r -> json.write(json(r)));
            json.close();
            out.write('\n');
        });
        return ResponseEntity.ok().contentType(JsonAnswer.JSON).body(body);
    }

    /** The keys and order of `audit --format json`. */
    static Map<String, Object> json(AuditRecord r) {
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
