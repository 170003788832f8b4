package org.fraudstats.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Table schedule_run: which periods each schedule has run and how they ended. A period is claimed by inserting
 * its row, so whichever node inserts it does the work and every other node skips it.
 */
@Repository
class ScheduleRuns {

    enum Status { RUNNING, WAITING, DONE, MISSING_DATA, FAILED }

    /** Where catch-up starts: the last finished period and the oldest unfinished one (either may be null). */
    record Open(LocalDate lastFinished, LocalDate firstUnfinished) {
    }

    /** Who claims: the Quartz scheduler (cluster) name and this node's instance id. */
    record Node(String schedulerName, String instance) {
    }

    /** A period's row as found. */
    record Row(Status status, String instance, OffsetDateTime startedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    ScheduleRuns(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param failedSince failed periods from this day on count as unfinished: they are tried again */
    Open open(String schedule, LocalDate failedSince) {
        Map<String, Object> params = new HashMap<>();
        params.put("schedule", schedule);
        params.put("failedSince", failedSince);
        return jdbc.queryForObject(SqlFiles.load("schedule/open-periods.sql"), params,
                (rs, n) -> new Open(rs.getObject("last_finished", LocalDate.class),
                        rs.getObject("first_unfinished", LocalDate.class)));
    }

    /**
     * Claims {@code day} for this node: a new row, or one waiting for its drop, or one that failed on or after
     * {@code failedSince} (tried again; null: never). False when the period is finished or RUNNING on some node (a run cut short by a crash stays RUNNING until a node holding the
     * period's lock takes it over).
     */
    boolean claim(String schedule, LocalDate day, Node node, Instant now, LocalDate failedSince) {
        Map<String, Object> params = params(schedule, day, node);
        params.put("now", timestamp(now));
        params.put("failedSince", failedSince);
        return jdbc.update(SqlFiles.load("schedule/claim-period.sql"), params) == 1
                || jdbc.update(SqlFiles.load("schedule/resume-waiting.sql"), params) == 1;
    }

    /** Takes over a period left RUNNING by {@code previous}, a node that died: call only holding the period's lock. */
    boolean takeOverAbandoned(String schedule, LocalDate day, String previous, Node node, Instant now) {
        Map<String, Object> params = params(schedule, day, node);
        params.put("previous", previous);
        params.put("now", timestamp(now));
        return jdbc.update(SqlFiles.load("schedule/take-over-abandoned.sql"), params) == 1;
    }

    /** Whether a failed night was done since {@code since}: its drop loaded, and its own or a later daily published after it. */
    boolean doneByHandSince(LocalDate day, OffsetDateTime since) {
        return Boolean.TRUE.equals(jdbc.queryForObject(SqlFiles.load("schedule/night-done-by-hand.sql"),
                Map.of("day", day, "failedAt", since), Boolean.class));
    }

    Row find(String schedule, LocalDate day) {
        return jdbc.query(SqlFiles.load("schedule/find-period.sql"), Map.of("schedule", schedule, "day", day),
                (rs, n) -> new Row(Status.valueOf(rs.getString("status")), rs.getString("instance"),
                        rs.getObject("started_at", OffsetDateTime.class))).stream().findFirst().orElse(null);
    }

    /** @param why what the period waits for, as /runs shows it */
    void waiting(String schedule, LocalDate day, Node node, String why) {
        Map<String, Object> params = params(schedule, day, node);
        params.put("why", why);
        jdbc.update(SqlFiles.load("schedule/mark-waiting.sql"), params);
    }

    /** @param periodTo the last day of the period: of a week or a month its Sunday or last day, of a night its day */
    void finish(String schedule, LocalDate day, LocalDate periodTo, Node node, Status status, Integer exitCode, String detail, Instant now) {
        Map<String, Object> params = params(schedule, day, node);
        params.put("periodTo", periodTo);
        params.put("detail", detail);
        params.put("status", status.name());
        params.put("exitCode", exitCode);
        params.put("now", timestamp(now));
        jdbc.update(SqlFiles.load("schedule/finish-period.sql"), params);
    }

    private static Map<String, Object> params(String schedule, LocalDate day, Node node) {
        Map<String, Object> params = new HashMap<>();
        params.put("schedule", schedule);
        params.put("day", day);
        params.put("instance", node.instance());
        return params;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
