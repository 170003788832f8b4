package org.fraudstats.ingest;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.fraudstats.storage.SqlFiles;
import org.fraudstats.storage.StreamedQuery;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The rejected rows, streamed in the order of cli.md (a large listing never sits in memory). */
@Component
public class Rejects {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonMapper LISTING = org.fraudstats.storage.IndentedJson.mapper();
    private static final TypeReference<LinkedHashMap<String, Object>> VALUES = new TypeReference<>() { };

    private final StreamedQuery query;
    private final NamedParameterJdbcTemplate jdbc;

    Rejects(StreamedQuery query, NamedParameterJdbcTemplate jdbc) {
        this.query = query;
        this.jdbc = jdbc;
    }

    /**
     * `rejects --format json` (cli.md), as the command and the portal's {@code /api/v1/rejects} both print it: an array
     * of {drop_date, file, line, record_id, reason, values}, account numbers masked, written row by row as it is read
     * (a drop whose every row was rejected can hold hundreds of thousands), then a newline. {@code out} stays open.
     */
    public void json(LocalDate from, LocalDate to, Writer out) throws IOException {
        // not try-with-resources: closing writes the array's "]", and a listing cut off by a failure must not read as
        // a complete one; the exception leaves it open
        SequenceWriter json = LISTING.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET).writeValuesAsArray(out);
        list(from, to, row -> {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("drop_date", row.dropDate().toString());
            values.put("file", row.file());
            values.put("line", row.line());
            values.put("record_id", row.recordId());
            values.put("reason", row.reason());
            values.put("values", JSON.readValue(row.valuesJson(), VALUES));
            json.write(values);
        });
        json.close();
        out.write('\n');
        out.flush();
    }

    public void list(LocalDate from, LocalDate to, Consumer<RejectedRow> each) {
        list(from, to, Long.MAX_VALUE, false, each);
    }

    /** What a page shows: {@code limit} rows from the latest drop back (each drop's rows in file and line order). */
    public void latest(LocalDate from, LocalDate to, long limit, Consumer<RejectedRow> each) {
        list(from, to, limit, true, each);
    }

    /** How many rows the drops of [from, to] (null: all) rejected. */
    public long count(LocalDate from, LocalDate to) {
        Long n = jdbc.queryForObject(SqlFiles.load("ingest/count-rejects.sql"), period(from, to), Long.class);
        return n == null ? 0 : n;
    }

    private static Map<String, Object> period(LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", from == null ? LocalDate.of(1, 1, 1) : from);
        params.put("to", to == null ? LocalDate.of(9999, 12, 31) : to);
        return params;
    }

    private void list(LocalDate from, LocalDate to, long limit, boolean newestFirst, Consumer<RejectedRow> each) {
        Map<String, Object> params = period(from, to);
        params.put("limit", limit);
        params.put("newestFirst", newestFirst);
        // the page's rows only: the CLI and the API stream every reject and keep their shape
        params.put("withCounted", newestFirst);
        query.forEachRow(SqlFiles.load("ingest/list-rejects.sql"), params, rs -> {
            each.accept(new RejectedRow(rs.getObject("drop_date", LocalDate.class), rs.getString("file"), rs.getInt("line"),
                    AccountNumbers.maskId(rs.getString("record_id")), rs.getString("reason"),
                    masked(rs.getString("record_values")), rs.getObject("counted_drop_date", LocalDate.class),
                    (Integer) rs.getObject("counted_line")));
        });
    }

    /**
     * The values are masked when they are stored (RowCheck); they are masked again on the way out, so rows rejected
     * by a version that masked less (only 15 digits or more, not after a letter) never print a number in clear.
     * Masking a masked value changes nothing.
     */
    private static String masked(String valuesJson) {
        LinkedHashMap<String, Object> values = JSON.readValue(valuesJson, VALUES);
        values.replaceAll((column, value) -> value instanceof String text ? AccountNumbers.maskByColumn(column, text) : value);
        return JSON.writeValueAsString(values);
    }
}
