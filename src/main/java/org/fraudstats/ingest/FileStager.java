package org.fraudstats.ingest;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fraudstats.catalog.Catalog;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams one file of a drop into its staging table with COPY: good rows go straight to the database as they
 * are parsed, bad rows to a spill file (SpillFolder) that is copied into stage_reject afterwards (one connection runs one COPY
 * at a time). Memory stays flat whatever the file's size.
 */
final class FileStager {

    /** What staging one file found. */
    record Counts(long read, long staged, long rejected) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Catalog catalog;
    private final AccountNumbers accounts;
    private final SpillFolder spillFolder;

    FileStager(Catalog catalog, AccountNumbers accounts, SpillFolder spillFolder) {
        this.catalog = catalog;
        this.accounts = accounts;
        this.spillFolder = spillFolder;
    }

    Counts stage(Connection connection, Feed feed, Path file, LocalDate dropDate) throws SQLException {
        Path spill = null;
        CsvRecords csv = null;
        try {
            spill = spillFolder.newFile();
            Counts counts;
            PGConnection pg = connection.unwrap(PGConnection.class);
            String copy = "COPY stage_" + feed.name().toLowerCase() + " FROM STDIN (FORMAT csv)";
            try (CsvRecords records = csv = new CsvRecords(strictUtf8(file));
                 Writer staged = new BufferedWriter(new java.io.OutputStreamWriter(
                         new PGCopyOutputStream(pg, copy, 1 << 16), StandardCharsets.UTF_8), 1 << 16);
                 Writer rejects = Files.newBufferedWriter(spill, StandardCharsets.UTF_8)) {
                counts = stageRecords(feed, file, dropDate, records, staged, rejects);
            }
            try (Reader spilled = Files.newBufferedReader(spill, StandardCharsets.UTF_8)) {
                pg.getCopyAPI().copyIn("COPY stage_reject FROM STDIN (FORMAT csv)", spilled);
            }
            return counts;
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException(file, "not UTF-8" + (csv == null ? "" : " (line " + csv.line() + ")"), e);
        } catch (CsvRecords.NotCsv e) {
            throw new UnreadableFileException(file, e.getMessage(), e);
        } catch (IOException e) {
            throw new UnreadableFileException(file, "cannot be read: " + e.getMessage(), e);
        } finally {
            deleteQuietly(spill);
        }
    }

    private Counts stageRecords(Feed feed, Path file, LocalDate dropDate, CsvRecords csv,
                                Writer staged, Writer rejects) throws IOException, CsvRecords.NotCsv {
        csv.keepFields(MAX_HEADER_COLUMNS);
        CsvRecords.Record header = csv.next();
        if (header == null) {
            return new Counts(0, 0, 0);
        }
        RowCheck check = header(feed, file, header);
        csv.keepFields(header.fields().size());
        long read = 0;
        long good = 0;
        long bad = 0;
        for (CsvRecords.Record record; (record = csv.next()) != null; ) {
            read++;
            RowCheck.Result result = check.check(record);
            if (result.good()) {
                List<Object> row = new ArrayList<>(result.staged());
                row.add(dropDate);
                row.add(record.line());
                CopyCsv.writeRow(staged, row);
                good++;
            } else {
                CopyCsv.writeRow(rejects, List.of(dropDate, feed.fileName(), record.line(),
                        check.recordId(record), result.reason(), JSON.writeValueAsString(check.maskedValues(record))));
                bad++;
            }
        }
        return new Counts(read, good, bad);
    }

    /** A header wider than any real feed's is not a header: keeping it would let one line take the memory. */
    static final int MAX_HEADER_COLUMNS = 1000;

    private RowCheck header(Feed feed, Path file, CsvRecords.Record record) {
        if (record.fieldCount() > MAX_HEADER_COLUMNS) {
            throw new UnreadableFileException(file, "the header has " + record.fieldCount() + " columns, more than "
                    + MAX_HEADER_COLUMNS);
        }
        List<String> header = record.fields();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (positions.putIfAbsent(header.get(i), i) != null && feed.columns().contains(header.get(i))) {
                throw new UnreadableFileException(file, "column '" + header.get(i) + "' appears twice in the header");
            }
        }
        for (String column : feed.columns()) {
            if (feed.required(column) && !positions.containsKey(column)) {
                throw new UnreadableFileException(file, "required column '" + column + "' missing from the header");
            }
        }
        return new RowCheck(feed, positions, header.size(), catalog, accounts);
    }

    /** UTF-8 that fails on a malformed byte instead of guessing, with a leading byte-order mark dropped. */
    private static Reader strictUtf8(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), decoder), 1 << 16);
        reader.mark(1);
        int first = reader.read();
        if (first != '\uFEFF' && first != -1) {
            reader.reset();
        }
        return reader;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // what is left behind is removed by the next ingest (SpillFolder.clean)
            }
        }
    }
}
