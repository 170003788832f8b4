package org.fraudstats.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.fraudstats.ingest.Feed;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The physical limit of loading a drop: {@code COPY bench.bare_x FROM STDIN (FORMAT csv, HEADER)} of each CSV
 * file as it is, into a bare typed table, exactly what psql's {@code \copy} does client-side. The column list
 * comes from the file's header (exports shuffle their columns); quoted empty fields count as NULL, as the
 * loader reads them.
 */
final class CopyBaseline {

    /** Columns some exports add beyond the spec's (generate/DropWriter). */
    private static final Set<String> EXTRA_COLUMNS = Set.of("remark", "source_system", "operator");

    record Result(long rows, long nanos) {
    }

    private CopyBaseline() {
    }

    static Result load(DataSource dataSource, Path inbox, LocalDate from, LocalDate to) throws SQLException, IOException {
        long rows = 0;
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                for (Feed feed : Feed.values()) {
                    Path file = inbox.resolve(day.toString()).resolve(feed.fileName());
                    if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                        continue;
                    }
                    List<String> columns = header(file, feed);
                    String list = String.join(", ", columns.stream().map(c -> '"' + c + '"').toList());
                    String sql = "COPY bench.bare_" + feed.name().toLowerCase(java.util.Locale.ROOT) + " (" + list
                            + ") FROM STDIN (FORMAT csv, HEADER true, FORCE_NULL (" + list + "))";
                    try (InputStream in = Files.newInputStream(file)) {
                        rows += copy.copyIn(sql, in, 1 << 16);
                    }
                }
            }
        }
        return new Result(rows, System.nanoTime() - start);
    }

    /** The header's column names, in file order, each one a known column (they become identifiers). */
    private static List<String> header(Path file, Feed feed) throws IOException {
        String line;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            line = reader.readLine();
        }
        if (line == null) {
            throw new IOException(file + ": no header");
        }
        List<String> columns = new ArrayList<>();
        for (String raw : line.replace("\uFEFF", "").split(",", -1)) {
            String name = raw.strip().replace("\"", "");
            if (!feed.columns().contains(name) && !EXTRA_COLUMNS.contains(name)) {
                throw new IOException(file + ": unexpected column '" + name + "' for the bare COPY");
            }
            columns.add(name);
        }
        return columns;
    }
}
