package org.fraudstats.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Rule 4 of feeds.md: freezes and refunds waiting for their case; they count nowhere until it arrives. */
@Component
public class Pending {

    /**
     * A row waiting for its case: a freeze or a refund, its id and its case's (ids of 12 digits or more masked, as the
     * rejects mask them: an account number pasted into an id is no id), its business day, where it was loaded from.
     */
    public record Row(String kind, String id, String caseId, LocalDate businessDay, LocalDate dropDate, int line) {

        /** 止付冻结 or 返还, as /rejects says it. */
        public String kindChinese() {
            return "refund".equals(kind) ? "返还" : "止付冻结";
        }
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    Pending(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    public long count() {
        return jdbc.queryForObject(SqlFiles.load("ingest/count-pending.sql"), Long.class);
    }

    /** The first {@code limit} of them, the latest business days first (sql/ingest/list-pending.sql). */
    public List<Row> latest(int limit) {
        return named.query(SqlFiles.load("ingest/list-pending.sql"), Map.of("limit", limit), (rs, i) -> new Row(
                rs.getString("kind"), AccountNumbers.maskId(rs.getString("id")), AccountNumbers.maskId(rs.getString("case_id")),
                rs.getObject("business_day", LocalDate.class), rs.getObject("drop_date", LocalDate.class), rs.getInt("line")));
    }
}
