package org.fraudstats.ingest;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The rejected rows, streamed in the order of cli.md (a large listing never sits in memory). */
@Component
public class Rejects {

    private final NamedParameterJdbcTemplate jdbc;

    Rejects(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void list(LocalDate from, LocalDate to, Consumer<RejectedRow> each) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", from == null ? LocalDate.of(1, 1, 1) : from);
        params.put("to", to == null ? LocalDate.of(9999, 12, 31) : to);
        jdbc.query(SqlFiles.load("ingest/list-rejects.sql"), params, rs -> {
            each.accept(new RejectedRow(rs.getObject("drop_date", LocalDate.class), rs.getString("file"), rs.getInt("line"),
                    rs.getString("record_id"), rs.getString("reason"), rs.getString("record_values")));
        });
    }
}
