package org.fraudstats.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The rejected rows, streamed in the order of cli.md (a large listing never sits in memory). */
@Component
public class Rejects {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonMapper LISTING = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final TypeReference<LinkedHashMap<String, Object>> VALUES = new TypeReference<>() { };

    private final NamedParameterJdbcTemplate jdbc;

    Rejects(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * `rejects --format json` (cli.md), as the command and the portal's {@code /api/v1/rejects} both print it: an array
     * of {drop_date, file, line, record_id, reason, values}, account numbers masked. Collected before it is written:
     * a JSON array is one document, and rejects are a few rows per drop.
     */
    public String json(LocalDate from, LocalDate to) {
        List<Map<String, Object>> rows = new ArrayList<>();
        list(from, to, row -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("drop_date", row.dropDate().toString());
            json.put("file", row.file());
            json.put("line", row.line());
            json.put("record_id", row.recordId());
            json.put("reason", row.reason());
            json.put("values", JSON.readValue(row.valuesJson(), VALUES));
            rows.add(json);
        });
        return LISTING.writeValueAsString(rows) + "\n";
    }

    public void list(LocalDate from, LocalDate to, Consumer<RejectedRow> each) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", from == null ? LocalDate.of(1, 1, 1) : from);
        params.put("to", to == null ? LocalDate.of(9999, 12, 31) : to);
        jdbc.query(SqlFiles.load("ingest/list-rejects.sql"), params, rs -> {
            each.accept(new RejectedRow(rs.getObject("drop_date", LocalDate.class), rs.getString("file"), rs.getInt("line"),
                    AccountNumbers.maskDigitRuns(rs.getString("record_id")), rs.getString("reason"),
                    masked(rs.getString("record_values"))));
        });
    }

    /**
     * The values are masked when they are stored (RowCheck); they are masked again on the way out, so rows rejected
     * by a version that masked less (only 15 digits or more, not after a letter) never print a number in clear.
     * Masking a masked value changes nothing.
     */
    private static String masked(String valuesJson) {
        LinkedHashMap<String, Object> values = JSON.readValue(valuesJson, VALUES);
        values.replaceAll((column, value) -> !(value instanceof String text) ? value
                : column.equals("account_no") ? AccountNumbers.mask(text) : AccountNumbers.maskDigitRuns(text));
        return JSON.writeValueAsString(values);
    }
}
