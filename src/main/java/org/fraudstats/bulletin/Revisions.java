package org.fraudstats.bulletin;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The published revisions of every bulletin (table bulletin_revision). */
@Repository
public class Revisions {

    /** One published revision; changes lists what moved against the revision before. */
    public record Revision(String kind, LocalDate from, LocalDate to, int revision, String changesJson,
                           Long jobExecutionId, OffsetDateTime generatedAt) {
    }

    public record Latest(int revision, String figures) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    Revisions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Latest> latest(String kind, LocalDate from, LocalDate to) {
        return jdbc.query(SqlFiles.load("bulletin/latest-revision.sql"), Map.of("kind", kind, "from", from, "to", to),
                (rs, i) -> new Latest(rs.getInt("revision"), rs.getString("figures"))).stream().findFirst();
    }

    void record(String kind, LocalDate from, LocalDate to, int revision, String figures, String changes,
                Long jobExecutionId, ZonedDateTime generatedAt) {
        Map<String, Object> p = new HashMap<>();
        p.put("kind", kind);
        p.put("from", from);
        p.put("to", to);
        p.put("revision", revision);
        p.put("figures", figures);
        p.put("changes", changes);
        p.put("jobExecutionId", jobExecutionId);
        p.put("generatedAt", generatedAt.toOffsetDateTime());
        jdbc.update(SqlFiles.load("bulletin/record-revision.sql"), p);
    }

    public List<Revision> overlapping(LocalDate from, LocalDate to) {
        return jdbc.query(SqlFiles.load("bulletin/list-revisions.sql"), Map.of("from", from, "to", to), (rs, i) -> new Revision(
                rs.getString("kind"), rs.getObject("date_from", LocalDate.class), rs.getObject("date_to", LocalDate.class),
                rs.getInt("revision"), rs.getString("changes"), rs.getObject("job_execution_id", Long.class),
                rs.getObject("generated_at", OffsetDateTime.class)));
    }
}
