package org.fraudstats.bulletin.publish;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fraudstats.audit.AuditEvent;
import org.fraudstats.audit.AuditTrail;
import org.fraudstats.bulletin.BulletinKind;
import org.fraudstats.bulletin.ReadDays;
import org.fraudstats.bulletin.Revision;
import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The published revisions of every bulletin (table bulletin_revision). */
@Repository
class Revisions {

    /**
     * The latest revision: its number, the figures it printed, what it changed (a JSON array of lines) and the output
     * folder it was published into (null before V26).
     */
    record Latest(int revision, String figures, String changes, String outFolder) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditTrail audit;

    Revisions(NamedParameterJdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    Optional<Latest> latest(BulletinKind kind, LocalDate from, LocalDate to) {
        return jdbc.query(SqlFiles.load("bulletin/latest-revision.sql"), Map.of("kind", kind.key(), "from", from, "to", to),
                (rs, i) -> new Latest(rs.getInt("revision"), rs.getString("figures"), rs.getString("changes"),
                        rs.getString("out_folder"))).stream().findFirst();
    }

    /** The days whose records changed since the latest revision was rendered, oldest first. */
    List<LocalDate> changedSinceLatest(BulletinKind kind, LocalDate from, LocalDate to) {
        return changedSinceLatest(List.of(Map.entry(kind, new ReadDays.Span(from, to)))).getOrDefault(kind.folder(from, to), List.of());
    }

    /**
     * Of each bulletin given, the days it reads whose records changed since its latest revision was rendered, oldest
     * first, by {@link BulletinKind#folder}; a bulletin none of whose days changed, or never published, is absent.
     */
    Map<String, List<LocalDate>> changedSinceLatest(List<Map.Entry<BulletinKind, ReadDays.Span>> bulletins) {
        Map<String, List<LocalDate>> changed = new HashMap<>();
        if (!bulletins.isEmpty()) {
            jdbc.query(SqlFiles.load("bulletin/changed-since-latest-revision.sql"), Map.of("reads", ReadDays.json(bulletins)), rs -> {
                LocalDate from = rs.getObject("date_from", LocalDate.class);
                LocalDate to = rs.getObject("date_to", LocalDate.class);
                changed.computeIfAbsent(BulletinKind.of(rs.getString("kind"), from, to).folder(from, to), b -> new java.util.ArrayList<>())
                        .add(rs.getObject("business_day", LocalDate.class));
            });
        }
        return changed;
    }

    /**
     * Why a revision's figures moved, for its 更正原因: the days it reads whose records changed since its latest revision,
     * and whether the first day of the records moved since (sql/ingest/records-start-moved.sql), which changed how its
     * bases compare though no record of their days changed.
     */
    public record Reason(List<LocalDate> changedDays, boolean recordsStartMoved) {
    }

    Reason reasonSinceLatest(BulletinKind kind, LocalDate from, LocalDate to) {
        List<Map.Entry<LocalDate, Boolean>> days = jdbc.query(SqlFiles.load("bulletin/changed-since-latest-revision.sql"),
                Map.of("reads", ReadDays.json(List.of(Map.entry(kind, new ReadDays.Span(from, to))))),
                (rs, i) -> Map.entry(rs.getObject("business_day", LocalDate.class), rs.getBoolean("moved_only")));
        return new Reason(days.stream().filter(d -> !d.getValue()).map(Map.Entry::getKey).toList(),
                days.stream().anyMatch(Map.Entry::getValue));
    }

    /** A render found the revision's figures unchanged: it has seen the loads made since (sql/nightly/stale-bulletins.sql). */
    void seen(BulletinKind kind, LocalDate from, LocalDate to, int revision) {
        jdbc.update(SqlFiles.load("bulletin/revision-seen-unchanged.sql"),
                Map.of("kind", kind.key(), "from", from, "to", to, "revision", revision));
    }

    void record(BulletinKind kind, LocalDate from, LocalDate to, int revision, String figures, String changes,
                Long jobExecutionId, ZonedDateTime generatedAt, java.nio.file.Path out) {
        Map<String, Object> p = new HashMap<>();
        p.put("kind", kind.key());
        p.put("from", from);
        p.put("to", to);
        p.put("revision", revision);
        p.put("figures", figures);
        p.put("changes", changes);
        p.put("jobExecutionId", jobExecutionId);
        p.put("generatedAt", generatedAt.toOffsetDateTime());
        p.put("outFolder", out.toAbsolutePath().normalize().toString());
        jdbc.update(SqlFiles.load("bulletin/record-revision.sql"), p);
        // in the auditor's log, in the same transaction: when a figure became published is what tells a read before
        // it from one after, and the auditor may not open the archive (r44b). Named as view-bulletin and the archive
        // name it; by the pipeline, not a person: the run is the job execution (a portal rerun's user is on its rows).
        audit.record(new AuditEvent("", "", "", "publish", kind.period(from, to) + " " + kind.publicName() + " r" + revision,
                jobExecutionId == null ? "success" : "success: job execution " + jobExecutionId));
    }

    /** The figures a revision printed (bulletin_revision.figures), as text; empty when there is no such revision. */
    Optional<String> figures(BulletinKind kind, LocalDate from, LocalDate to, int revision) {
        return jdbc.queryForList(SqlFiles.load("bulletin/revision-figures.sql"),
                Map.of("kind", kind.key(), "from", from, "to", to, "revision", revision), String.class).stream().findFirst();
    }

    List<Revision> overlapping(LocalDate from, LocalDate to) {
        return jdbc.query(SqlFiles.load("bulletin/list-revisions.sql"), Map.of("from", from, "to", to), Revisions::revision);
    }

    /** Every revision of this one bulletin, oldest first. */
    List<Revision> of(BulletinKind kind, LocalDate from, LocalDate to) {
        return jdbc.query(SqlFiles.load("bulletin/revisions-of-bulletin.sql"), Map.of("kind", kind.key(), "from", from, "to", to),
                Revisions::revision);
    }

    /** The latest revision of the newest daily bulletin, if any was published. */
    Optional<Revision> latestDaily() {
        return jdbc.query(SqlFiles.load("bulletin/latest-daily.sql"), Map.of(), Revisions::revision).stream().findFirst();
    }

    List<Revision> ofExecution(long jobExecutionId) {
        return jdbc.query(SqlFiles.load("bulletin/revisions-of-execution.sql"), Map.of("jobExecutionId", jobExecutionId), Revisions::revision);
    }

    private static Revision revision(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        LocalDate dateFrom = rs.getObject("date_from", LocalDate.class);
        LocalDate dateTo = rs.getObject("date_to", LocalDate.class);
        return new Revision(BulletinKind.of(rs.getString("kind"), dateFrom, dateTo), dateFrom, dateTo,
                rs.getInt("revision"), rs.getString("changes"), rs.getObject("job_execution_id", Long.class),
                rs.getObject("generated_at", OffsetDateTime.class), rs.getString("missing_note"), rs.getString("out_folder"));
    }
}
