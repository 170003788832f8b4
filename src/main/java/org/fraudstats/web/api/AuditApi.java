package org.fraudstats.web.api;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fraudstats.audit.AuditFilter;
import org.fraudstats.audit.AuditListing;
import org.fraudstats.audit.AuditLog;
import org.fraudstats.web.portal.BadInput;
import org.fraudstats.web.portal.Inputs;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The audit log (web.md), auditors only: what `./fraudstats audit` prints, JSON by default or the CSV bytes with
 * {@code format=csv} (a download the audit page links to: an auditor exports a quarter for the supervising authority
 * without the server's shell), streamed record by record as the command does (half a year of events never sits in
 * memory). The page's filters work here too (user, role, action, result, object). A parameter it does not know is
 * 400: format=csv and user=… were ignored, and a script took the whole log in JSON for the quarter's CSV of one
 * user (tester).
 */
@RestController
@PreAuthorize("hasRole('AUDITOR')")
class AuditApi {

    private static final List<String> PARAMETERS = List.of("from", "to", "format", "user", "role", "action", "result", "object");

    private final AuditLog log;
    private final StreamedListings listings;

    AuditApi(AuditLog log, StreamedListings listings) {
        this.log = log;
        this.listings = listings;
    }

    @GetMapping("/api/v1/audit")
    ResponseEntity<StreamingResponseBody> events(@RequestParam org.springframework.util.MultiValueMap<String, String> given) {
        for (Map.Entry<String, List<String>> parameter : given.entrySet()) {
            String name = parameter.getKey();
            // a form's CSRF token is no filter, and Spring Security has read it already
            if (!PARAMETERS.contains(name) && !name.equals("_csrf")) {
                throw new BadInput("unknown parameter '" + Inputs.printable(name) + "' (" + String.join(", ", PARAMETERS) + ")");
            }
            // object= (a script's unset variable) listed every event, where district= is refused elsewhere (tester)
            if (parameter.getValue().stream().anyMatch(String::isEmpty) && !name.equals("_csrf")) {
                throw new BadInput(name + " is empty (leave it out for every event)");
            }
            // user=a&user=b listed a's events alone (review)
            if (parameter.getValue().size() > 1 && !name.equals("_csrf")) {
                throw new BadInput("parameter '" + name + "' given " + parameter.getValue().size() + " times: give it once");
            }
        }
        Map<String, String> parameters = given.toSingleValueMap();
        String from = parameters.get("from");
        String to = parameters.get("to");
        LocalDate[] period = from == null && to == null ? new LocalDate[] {null, null} : Inputs.period(from, to);
        String format = parameters.getOrDefault("format", "json");
        boolean csv = switch (format) {
            case "json" -> false;
            case "csv" -> true;
            default -> throw new BadInput("format: '" + Inputs.printable(format) + "' is not json or csv");
        };
        AuditFilter which = new AuditFilter(parameters.get("user"), parameters.get("role"), parameters.get("action"),
                parameters.get("result"), parameters.get("object"));
        String object = (period[0] == null ? "all" : period[0] + ".." + period[1])
                + (which.described().isEmpty() ? "" : " " + which.described()) + (csv ? " as csv" : "");
        StreamingResponseBody body = listings.start("read-audit", object, out -> {
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (csv) {
                AuditListing.csv(log, period[0], period[1], which, text);
            } else {
                AuditListing.json(log, period[0], period[1], which, text);
            }
        });
        if (!csv) {
            return ResponseEntity.ok().contentType(JsonAnswer.JSON).body(body);
        }
        String name = "fraudstats-audit" + (period[0] == null ? "" : "-" + period[0] + "_" + period[1]) + ".csv";
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
