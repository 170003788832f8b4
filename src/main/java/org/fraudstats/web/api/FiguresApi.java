package org.fraudstats.web.api;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.Comparison;
import org.fraudstats.metrics.MetricsListing;
import org.fraudstats.press.Topic;
import org.fraudstats.web.portal.BadInput;
import org.fraudstats.web.portal.Inputs;
import org.fraudstats.web.portal.PortalAudit;
import org.fraudstats.web.portal.PublishedHeadline;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Figures and headlines (web.md): exactly what `metrics --format json` and `headline --format json` print for the
 * same options, through the same classes (MetricsListing, Headlines); the headline only once published.
 */
@RestController
class FiguresApi {

    private final MetricsListing metrics;
    private final PublishedHeadline headlines;
    private final Catalog catalog;
    private final PortalAudit audit;
    private final LargeFigureListings large;

    FiguresApi(MetricsListing metrics, PublishedHeadline headlines, Catalog catalog, PortalAudit audit, LargeFigureListings large) {
        this.large = large;
        this.metrics = metrics;
        this.headlines = headlines;
        this.catalog = catalog;
        this.audit = audit;
    }

    @GetMapping("/api/v1/metrics")
    @PreAuthorize("hasAnyRole('LEADER', 'STATISTICIAN')")
    ResponseEntity<byte[]> metrics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String by, @RequestParam(required = false) String district,
                                   @RequestParam(required = false) String compare, @RequestParam(required = false) String format) {
        KnownParameters.only();
        LocalDate[] period = Inputs.period(from, to);
        Inputs.notEmpty("district", district);
        Inputs.notEmpty("compare", compare);
        // beyond web.md: the bytes of `metrics --format csv` for a spreadsheet (tester: format=csv was ignored, JSON
        // came back with 200, and the portal had no download)
        boolean csv = switch (format == null ? "json" : format) {
            case "json" -> false;
            case "csv" -> true;
            default -> throw new BadInput("format: '" + Inputs.printable(format) + "' is not json or csv");
        };
        boolean byDay = switch (by == null ? "range" : by) {
            case "range" -> false;
            case "day" -> true;
            default -> throw new BadInput("by: '" + Inputs.printable(by) + "' is not range or day");
        };
        Comparison comparison = switch (compare == null ? "" : compare) {
            case "" -> null;
            case "yoy" -> Comparison.YOY;
            case "pop" -> Comparison.POP;
            default -> throw new BadInput("compare: '" + Inputs.printable(compare) + "' is not yoy or pop");
        };
        String area = Inputs.district(catalog, district);
        String object = period[0] + ".." + period[1] + " by " + (byDay ? "day" : "range")
                + (area == null ? "" : " district " + area) + (compare == null || compare.isEmpty() ? "" : " compare " + compare)
                + (csv ? " as csv" : "");
        long areas = area == null ? catalog.districtCodes().size() + 1 : 1;
        long rowCount = byDay ? areas * (period[1].toEpochDay() - period[0].toEpochDay() + 1) : areas;
        // the place is held until the answer's bytes exist: the listing, its text and its bytes are all in memory
        ResponseEntity<byte[]> answer;
        try {
            answer = large.compute(rowCount, "read-figures", object, () -> csv
                    ? csv(MetricsListing.csv(metrics.rows(period[0], period[1], byDay, area, comparison), comparison != null),
                            "fraudstats-metrics-" + period[0] + "_" + period[1] + (byDay ? "-by-day" : "")
                                    + (area == null ? "" : "-" + area) + (comparison == null ? "" : "-" + compare) + ".csv")
                    : JsonAnswer.ok(MetricsListing.json(metrics.rows(period[0], period[1], byDay, area, comparison), comparison != null)));
        } catch (org.fraudstats.metrics.RollupCheck.OutsizedAmounts refused) {
            // answered 409 by ApiErrors; recorded as every refused read is (review 31d)
            audit.record("read-figures", object, org.fraudstats.metrics.RollupCheck.OutsizedAmounts.REFUSED);
            throw refused;
        }
        audit.record("read-figures", object, "success");
        return answer;
    }

    @GetMapping("/api/v1/headlines")
    @PreAuthorize("hasAnyRole('LEADER', 'STATISTICIAN', 'PRESS')")
    ResponseEntity<byte[]> headline(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String district, @RequestParam(required = false) String topic,
                                    @RequestParam(required = false) String lang,
                                    @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        KnownParameters.only();
        LocalDate[] period = Inputs.period(from, to);
        Inputs.notEmpty("district", district, "the city");
        String area = Inputs.district(catalog, district);
        Topic chosen = Topic.ofKey(topic == null ? "handling" : topic).orElseThrow(() ->
                new BadInput("topic: '" + Inputs.printable(topic) + "' is not handling or prevention"));
        boolean english = switch (lang == null ? "zh" : lang) {
            case "zh" -> false;
            case "en" -> true;
            default -> throw new BadInput("lang: '" + Inputs.printable(lang) + "' is not zh or en");
        };
        String object = period[0] + ".." + period[1] + " " + (area == null ? catalog.cityCode() : area) + " " + chosen.key();
        PublishedHeadline.Answer answer;
        try {
            answer = headlines.of(period[0], period[1], area == null ? catalog.cityCode() : area, chosen);
        } catch (org.fraudstats.metrics.RollupCheck.OutsizedAmounts refused) {
            audit.record("read-headline", object, org.fraudstats.metrics.RollupCheck.OutsizedAmounts.REFUSED);
            throw refused;
        }
        if (answer instanceof PublishedHeadline.NotPublished not) {
            audit.record("read-headline", object, not.auditResult());
            return JsonAnswer.error(HttpStatus.CONFLICT, not.english());
        }
        String json = ((PublishedHeadline.Quoted) answer).json(english);
        String etag = "\"" + sha256(json) + "\"";
        audit.record("read-headline", object, "success");
        if (ifNoneMatch != null && java.util.Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(t -> t.equals(etag) || t.equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).contentType(JsonAnswer.JSON).body(json.getBytes(StandardCharsets.UTF_8));
    }

    /** UTF-8 text/csv as a download, named so that two periods saved side by side keep their names. */
    private static ResponseEntity<byte[]> csv(String text, String fileName) {
        return ResponseEntity.ok()
                .contentType(new org.springframework.http.MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                        .filename(fileName).build().toString())
                .body(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
