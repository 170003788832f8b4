package org.fraudstats.web.api;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.fraudstats.ingest.Rejects;
import org.fraudstats.web.portal.Inputs;
import org.fraudstats.web.portal.RunHistory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** What `history` and `rejects --format json` print (web.md): statisticians only. */
@RestController
@PreAuthorize("hasRole('STATISTICIAN')")
class RunsApi {

    private final RunHistory history;
    private final Rejects rejects;
    private final StreamedListings listings;

    RunsApi(RunHistory history, Rejects rejects, StreamedListings listings) {
        this.history = history;
        this.rejects = rejects;
        this.listings = listings;
    }

    @GetMapping("/api/v1/runs")
    ResponseEntity<byte[]> runs(@RequestParam(required = false) String limit, @RequestParam(required = false) String before) {
        KnownParameters.only();
        int n = Limit.of(limit, 50);
        // the next page: the executions older than the last id of this one (at most 1000 a request, so a script
        // walks ten years of history without one long query holding a connection)
        Long older = Inputs.before(before);
        return JsonAnswer.of(HttpStatus.OK, history.before(older == null ? Long.MAX_VALUE : older, n));
    }

    /** Without from and to, every drop's rejects, as `rejects` without --from/--to. */
    @GetMapping("/api/v1/rejects")
    ResponseEntity<StreamingResponseBody> rejects(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        KnownParameters.only();
        LocalDate[] period = from == null && to == null ? new LocalDate[] {null, null} : Inputs.period(from, to);
        StreamingResponseBody body = listings.start("read-rejects", period[0] == null ? "all" : period[0] + ".." + period[1],
                out -> rejects.json(period[0], period[1], new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        return ResponseEntity.ok().contentType(JsonAnswer.JSON).body(body);
    }
}
