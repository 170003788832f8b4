package org.fraudstats.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.fraudstats.bulletin.BulletinPublisher;
import org.fraudstats.metrics.RollupCheck;
import org.fraudstats.storage.RunLock;
import org.fraudstats.web.portal.BadInput;
import org.fraudstats.web.portal.Inputs;
import org.fraudstats.web.portal.NotFound;
import org.fraudstats.web.portal.PortalAudit;
import org.fraudstats.web.portal.RerunPlans;
import org.fraudstats.web.portal.Reruns;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reruns (web.md): statisticians start one over a range (or ask what it would render), follow it, stop it and restart
 * it when it failed or was stopped; the same Batch job and the same day locks as `./fraudstats rerun`.
 */
@RestController
@PreAuthorize("hasRole('STATISTICIAN')")
class RerunsApi {

    /** A rerun request is a few dozen bytes; anything much larger is not one. */
    static final int MAX_BODY = 4096;
    // a key given twice is refused, not read as its last value: {"dry_run": true, "dry_run": false} started a real
    // rerun, publishing and mailing what a dry run was asked for (tester)
    private static final JsonMapper STRICT = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final Reruns reruns;
    private final RerunPlans plans;
    private final Clock clock;
    private final PortalAudit audit;

    RerunsApi(Reruns reruns, RerunPlans plans, PortalAudit audit, Clock clock) {
        this.clock = clock;
        this.reruns = reruns;
        this.plans = plans;
        this.audit = audit;
    }

    @PostMapping("/api/v1/reruns")
    ResponseEntity<byte[]> rerun(HttpServletRequest request) {
        KnownParameters.only();
        JsonNode body = body(request);
        for (String key : body.propertyNames()) {
            if (!Set.of("from", "to", "formats", "range", "dry_run").contains(key)) {
                throw new BadInput("unknown key '" + Inputs.printable(key) + "' (from, to, formats, range, dry_run)");
            }
        }
        LocalDate[] period = Inputs.rerunPeriod(text(body, "from"), text(body, "to"), clock);
        Set<BulletinPublisher.Format> formats = formats(body.get("formats"));
        JsonNode dry = body.get("dry_run");
        if (dry != null && !dry.isBoolean()) {
            throw new BadInput("dry_run must be true or false");
        }
        JsonNode rangeKey = body.get("range");
        if (rangeKey != null && !rangeKey.isBoolean()) {
            throw new BadInput("range must be true or false");
        }
        boolean range = rangeKey != null && rangeKey.asBoolean();
        String object = Reruns.auditObject(period[0], period[1], range);
        if (dry != null && dry.asBoolean()) {
            RerunPlans.Plan plan;
            try {
                plan = plans.plan(period[0], period[1], formats, range);
            } catch (BadInput e) {
                audit.record("rerun-dry-run", object, "refused");
                throw e;
            } catch (RollupCheck.OutsizedAmounts e) {
                // 409 by ApiErrors, as the rerun itself is refused
                audit.record("rerun-dry-run", object, RollupCheck.OutsizedAmounts.REFUSED);
                throw e;
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("from", plan.from().toString());
            json.put("to", plan.to().toString());
            json.put("dry_run", true);
            json.put("days", plan.days().stream().map(LocalDate::toString).toList());
            json.put("bulletins", plan.bulletins());
            // each day's daily bulletin: first (never published), may-revise (changed since its latest revision: a new
            // revision, mailed, if a figure moved) or unchanged (rendered again, nothing published)
            json.put("outlook", plan.dailyOutlook().stream().map(o -> {
                Map<String, Object> day = new LinkedHashMap<>();
                day.put("date", o.day().toString());
                day.put("published_revision", o.publishedRevision());
                day.put("status", o.status());
                return day;
            }).toList());
            // the days no drop has reached, whose bulletins would say 数据未到, as the CLI's rerun warns (r44c)
            json.put("days_not_arrived", reruns.daysNotArrived(plan.from(), plan.to()).stream().map(LocalDate::toString).toList());
            // with range: the same of the bulletin of the whole period (a weekly's or monthly's correction is mailed too)
            if (plan.rangeOutlook() != null) {
                Map<String, Object> whole = new LinkedHashMap<>();
                whole.put("from", plan.rangeOutlook().day().toString());
                whole.put("to", plan.rangeOutlook().range().toString());
                whole.put("published_revision", plan.rangeOutlook().publishedRevision());
                whole.put("status", plan.rangeOutlook().status());
                json.put("range_outlook", whole);
            }
            audit.record("rerun-dry-run", object, "success");
            return JsonAnswer.of(HttpStatus.OK, json);
        }
        long id;
        try {
            id = reruns.start(period[0], period[1], formats, range);
        } catch (Reruns.Busy e) {
            audit.record("rerun", object, Reruns.Busy.AUDIT_RESULT);
            return JsonAnswer.unavailable(e.getMessage(), 60);
        } catch (BadInput e) {
            audit.record("rerun", object, "refused");
            throw e;
        } catch (RunLock.Refused e) {
            audit.record("rerun", object, "refused");
            return JsonAnswer.error(HttpStatus.CONFLICT, e.getMessage());
        } catch (Reruns.RollupsDiffer e) {
            audit.record("rerun", object, Reruns.RollupsDiffer.AUDIT_RESULT);
            return JsonAnswer.error(HttpStatus.CONFLICT, e.getMessage());
        } catch (RollupCheck.OutsizedAmounts e) {
            audit.record("rerun", object, RollupCheck.OutsizedAmounts.REFUSED);
            return JsonAnswer.error(HttpStatus.CONFLICT, e.getMessage());
        } catch (Reruns.NotStarted e) {
            // no execution exists to follow: the attempt is recorded all the same, and answered with why; 503, as
            // nothing was wrong with the request and the same request may start in a moment
            audit.record("rerun", object, "failure");
            return notStarted(e);
        } catch (RuntimeException e) {
            // anything else (the lock's connection refused…) is answered 500 by ApiErrors, and recorded first
            audit.record("rerun", object, "failure");
            throw e;
        }
        return JsonAnswer.of(HttpStatus.ACCEPTED, launched(id));
    }

    /**
     * 503 with Retry-After when it could not start; 500 without when it did not start within the wait, as it may
     * still: the message says to look at the runs first, and a retry could start it twice.
     */
    private static ResponseEntity<byte[]> notStarted(Reruns.NotStarted e) {
        return e.mayStillStart() ? JsonAnswer.error(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage())
                : JsonAnswer.unavailable(e.getMessage(), 30);
    }

    @GetMapping("/api/v1/reruns/{id}")
    ResponseEntity<byte[]> state(@PathVariable String id) {
        KnownParameters.only();
        return JsonAnswer.of(HttpStatus.OK, RerunJson.state(reruns.state(id(id)).orElseThrow(() -> new NotFound("no rerun " + id))));
    }

    @PostMapping("/api/v1/reruns/{id}/stop")
    ResponseEntity<byte[]> stop(@PathVariable String id) {
        KnownParameters.only();
        long execution = id(id);
        try {
            reruns.stop(execution);
        } catch (Reruns.Refused | NotFound e) {
            // web.md: a refused stop is recorded, an unknown id too (it may be a guess at another's rerun)
            audit.record("rerun-stop", "job execution " + execution, "refused");
            throw e;
        } catch (RuntimeException e) {
            // the job kept saving its execution (Reruns.stop tries three times): answered 500, and recorded first
            audit.record("rerun-stop", "job execution " + execution, "failure");
            throw e;
        }
        audit.record("rerun-stop", "job execution " + execution, "stopping");
        return JsonAnswer.of(HttpStatus.ACCEPTED, RerunJson.state(reruns.state(execution).orElseThrow()));
    }

    @PostMapping("/api/v1/reruns/{id}/restart")
    ResponseEntity<byte[]> restart(@PathVariable String id) {
        KnownParameters.only();
        long execution = id(id);
        long again;
        try {
            again = reruns.restart(execution);
        } catch (Reruns.Busy e) {
            audit.record("rerun-restart", "job execution " + execution, Reruns.Busy.AUDIT_RESULT);
            return JsonAnswer.unavailable(e.getMessage(), 60);
        } catch (RunLock.Refused e) {
            audit.record("rerun-restart", "job execution " + execution, "refused");
            return JsonAnswer.error(HttpStatus.CONFLICT, e.getMessage());
        } catch (Reruns.Refused | NotFound e) {
            // a completed rerun (409) or an unknown id (404): refused like a held day, and recorded as the runs page does
            audit.record("rerun-restart", "job execution " + execution,
                    e instanceof Reruns.RollupsDiffer ? Reruns.RollupsDiffer.AUDIT_RESULT : "refused");
            throw e;
        } catch (RollupCheck.OutsizedAmounts e) {
            audit.record("rerun-restart", "job execution " + execution, RollupCheck.OutsizedAmounts.REFUSED);
            return JsonAnswer.error(HttpStatus.CONFLICT, e.getMessage());
        } catch (Reruns.NotStarted e) {
            audit.record("rerun-restart", "job execution " + execution, "failure");
            return notStarted(e);
        } catch (RuntimeException e) {
            audit.record("rerun-restart", "job execution " + execution, "failure");
            throw e;
        }
        Map<String, Object> json = launched(again);
        json.put("restarted_from", execution);
        return JsonAnswer.of(HttpStatus.ACCEPTED, json);
    }

    private Map<String, Object> launched(long id) {
        Reruns.State state = reruns.state(id).orElseThrow();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("status", state.status().name());
        json.put("from", state.from().toString());
        json.put("to", state.to().toString());
        return json;
    }

    static long id(String id) {
        if (!id.matches("[0-9]{1,18}")) {
            throw new BadInput("'" + Inputs.printable(id) + "' is not a rerun id (the id POST /api/v1/reruns answered)");
        }
        return Long.parseLong(id);
    }

    /** The body: JSON, at most MAX_BODY bytes, one object. */
    private static JsonNode body(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(type))) {
            throw new BadInput("the body must be JSON (Content-Type: application/json), not " + (type == null ? "nothing" : Inputs.printable(type)));
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            throw new BadInput("the body is larger than " + MAX_BODY + " bytes");
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            throw new BadInput("the body could not be read: " + e.getMessage());
        }
        if (bytes.length > MAX_BODY) {
            throw new BadInput("the body is larger than " + MAX_BODY + " bytes");
        }
        JsonNode node;
        try {
            node = STRICT.readTree(bytes);
        } catch (JacksonException e) {
            throw new BadInput("the body is not JSON: " + parserSaid(e));
        }
        if (node == null || !node.isObject()) {
            throw new BadInput("the body must be a JSON object {\"from\", \"to\", \"formats\", \"dry_run\"}");
        }
        return node;
    }

    /**
     * What the parser found and where, without Jackson's description of its source ("start marker at [Source: REDACTED
     * (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); byte offset: #UNKNOWN]"), which no script's author can
     * act on (MLPS tester).
     */
    private static String parserSaid(JacksonException e) {
        String said = e.getOriginalMessage().lines().findFirst().orElse("")
                .replaceAll("\\s*\\((?:start marker )?at \\[Source:.*$", "").replaceAll("\\s*at \\[Source:.*$", "")
                // nor the library's class and setting names (r39d): "(bound as `tools.jackson.databind.JsonNode`): not
                // allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`", "enable `JsonReadFeature.…` to allow"
                .replaceAll("^Trailing token \\(`[^`]+`\\) found after value.*$", "more follows the JSON object")
                .replaceAll("\\s*\\(bound as `[^`]*`\\)", "").replaceAll(":?\\s*not allowed as per `[^`]*`", "")
                .replaceAll(":?\\s*enable `[^`]*` to allow", ": not a JSON value").strip();
        var at = e.getLocation();
        return at != null && at.getLineNr() > 0 ? said + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : said;
    }

    private static String text(JsonNode body, String key) {
        JsonNode value = body.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new BadInput(key + " must be a string (an ISO date, e.g. 2022-10-23)");
        }
        return value.asString();
    }

    private static Set<BulletinPublisher.Format> formats(JsonNode formats) {
        if (formats == null || formats.isNull()) {
            return EnumSet.allOf(BulletinPublisher.Format.class);
        }
        if (!formats.isArray() || formats.isEmpty()) {
            throw new BadInput("formats must be a list of \"pdf\" and/or \"xlsx\"");
        }
        Set<BulletinPublisher.Format> chosen = EnumSet.noneOf(BulletinPublisher.Format.class);
        for (JsonNode f : formats) {
            String name = f.isString() ? f.asString() : "";
            switch (name) {
                case "pdf" -> chosen.add(BulletinPublisher.Format.pdf);
                case "xlsx" -> chosen.add(BulletinPublisher.Format.xlsx);
                default -> throw new BadInput("formats: '" + Inputs.printable(f.isString() ? f.asString() : f.toString()) + "' is not pdf or xlsx");
            }
        }
        return chosen;
    }
}
