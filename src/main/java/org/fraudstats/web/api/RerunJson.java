package org.fraudstats.web.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.fraudstats.web.portal.Reruns;

/** A rerun's state as web.md's GET /api/v1/reruns/{id} writes it. */
final class RerunJson {

    private RerunJson() {
    }

    static Map<String, Object> state(Reruns.State s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id());
        json.put("status", s.status().name());
        json.put("from", s.from().toString());
        json.put("to", s.to().toString());
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("done", s.done());
        progress.put("total", s.total());
        json.put("progress", progress);
        json.put("started_at", s.startedAt());
        json.put("ended_at", s.endedAt());
        json.put("message", s.message());
        return json;
    }
}
