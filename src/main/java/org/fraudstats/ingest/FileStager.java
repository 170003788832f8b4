package org.fraudstats.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

import org.fraudstats.catalog.Catalog;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams one file of a drop into its staging table with COPY: good rows go to the database batch by batch as
 * they are parsed and checked, bad rows to a spill file (SpillFolder) that is copied into stage_reject afterwards
 * (one connection runs one COPY at a time). Memory stays flat whatever the file's size.
 */
final class FileStager {

    /**
     * What staging one file found, and the SHA-256 of the bytes it read: the drop's checksum is taken before its
     * files are read again here, and a drop written or replaced in between was loaded half of one version, half of the
     * other, under the first's checksum (tester E).
     */
    record Counts(long read, long staged, long rejected, byte[] sha256) {

        Counts(long read, long staged, long rejected) {
            this(read, staged, rejected, null);
        }
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
        SpillWriter spill = new SpillWriter(spillFolder);
        CsvRecords csv = null;
        try {
            Counts counts;
            PGConnection pg = connection.unwrap(PGConnection.class);
            String copy = "COPY stage_" + feed.name().toLowerCase(java.util.Locale.ROOT) + " FROM STDIN (FORMAT csv)";
            java.security.MessageDigest digest = Drop.sha256();
            try (CsvRecords records = csv = new CsvRecords(strictUtf8(file, digest));
                 OutputStream staged = new CopyStream(new PGCopyOutputStream(pg, copy, 1 << 16));
                 Writer rejects = spill) {
                counts = stageRecords(feed, file, dropDate, records, staged, rejects);
            }
            if (counts.rejected() > 0) {
                try (Reader spilled = Files.newBufferedReader(spill.file(), StandardCharsets.UTF_8)) {
                    pg.getCopyAPI().copyIn("COPY stage_reject FROM STDIN (FORMAT csv)", spilled);
                }
            }
            return new Counts(counts.read(), counts.staged(), counts.rejected(), digest.digest());
        } catch (CharacterCodingException e) {
            long line = lineOfFirstBadByte(file);
            throw new UnreadableFileException(file, "not UTF-8" + (line > 0 ? " (line " + line + ")"
                    : csv == null ? "" : " (line " + csv.line() + ")") + ": " + savedAs(file), e);
        } catch (CsvRecords.NotCsv e) {
            throw new UnreadableFileException(file, e.getMessage(), e);
        } catch (WriteFailed e) {
            // the server's words may quote a value: masked as any message of the loader's (review)
            throw new StagingFailed(file + ": " + e.what + ": " + AccountNumbers.maskDigitRuns(reason(e)), e);
        } catch (IOException e) {
            throw UnreadableFileException.cannotRead(file, e);
        } finally {
            deleteQuietly(spill.file());
        }
    }

    /**
     * A write of ours that failed while a file was staged (the database's disk or the spill folder full): said as
     * such, since "warnings.csv: cannot be read: Ending write to copy failed." sent a statistician to the source
     * system for a file that was fine (tester E).
     */
    static final class StagingFailed extends RuntimeException {
        StagingFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An IOException of a write, told from the reads' (which are the file's fault) by its type. */
    private static final class WriteFailed extends IOException {
        final String what;

        WriteFailed(String what, IOException cause) {
            super(cause.getMessage(), cause);
            this.what = what;
        }
    }

    /** The database server's own words when it gave some (could not extend file …: No space left on device). */
    private static String reason(Throwable e) {
        String reason = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.postgresql.util.PSQLException sql && sql.getServerErrorMessage() != null
                    && sql.getServerErrorMessage().getMessage() != null) {
                return sql.getServerErrorMessage().getMessage().strip().lines().findFirst().orElse(reason);
            }
            if (t.getMessage() != null) {
                reason = t.getMessage();
            }
        }
        return reason == null ? e.getClass().getSimpleName() : reason.strip().lines().findFirst().orElse(reason);
    }

    /** The COPY into staging, whose failures are the database's, not the file's. */
    private static final class CopyStream extends java.io.FilterOutputStream {

        CopyStream(OutputStream copy) {
            super(copy);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw new WriteFailed("the database refused its rows", e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw new WriteFailed("the database refused its rows", e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw new WriteFailed("the database refused its rows", e);
            }
        }
    }

    /**
     * The spill file of one staged file's bad rows, made at the first bad row: most files have none, and making
     * and deleting an empty file cost 0.3-1.5 ms a file, four files a drop.
     */
    private static final class SpillWriter extends Writer {

        private final SpillFolder folder;
        private Path file;
        private Writer out;

        SpillWriter(SpillFolder folder) {
            this.folder = folder;
        }

        /** The spill file, or null when no row was spilled. */
        Path file() {
            return file;
        }

        @Override
        public void write(String text) throws IOException {
            try {
                writer().write(text);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            try {
                writer().write(chars, offset, length);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void flush() throws IOException {
            if (out != null) {
                try {
                    out.flush();
                } catch (IOException e) {
                    throw failed(e);
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException e) {
                    throw failed(e);
                }
            }
        }

        private WriteFailed failed(IOException e) {
            return new WriteFailed("cannot write its rejected rows to " + (file == null ? "the spill folder" : file), e);
        }

        private Writer writer() throws IOException {
            if (out == null) {
                file = folder.newFile();
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            }
            return out;
        }
    }

    /** Rows checked together by one worker: large enough to keep hand-offs rare, small enough to keep memory flat. */
    static final int BATCH_ROWS = 2048;
    private static final int WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Batches parsed but not yet written: bounds the memory a file takes, whatever its size. */
    private static final int IN_FLIGHT = WORKERS + 1;

    /** One batch checked: its good rows as COPY bytes, its bad rows as lines of the spill file. */
    private record Checked(CopyCsv.Rows staged, String rejects, int good, int bad) {
    }

    /**
     * A bounded pipeline: this thread parses the file into batches of rows, the workers check them (and hash
     * account numbers) on every core, and this thread writes the checked batches to the COPY in the file's order
     * while the next ones are being checked. At most {@link #IN_FLIGHT} batches wait, so memory stays flat.
     */
    private Counts stageRecords(Feed feed, Path file, LocalDate dropDate, CsvRecords csv,
                                OutputStream staged, Writer rejects) throws IOException, CsvRecords.NotCsv {
        csv.keepFields(MAX_HEADER_COLUMNS);
        CsvRecords.Record header = csv.next();
        if (header == null) {
            return new Counts(0, 0, 0);
        }
        RowCheck check = header(feed, file, header);
        csv.keepOnly(check.columnsRead());
        // the workers start with the first full batch: a file of one batch or less (a city drop's cases, freezes
        // and refunds) is checked on this thread, where starting the workers and handing the batch over cost more
        // than checking it (~1.5 ms a file)
        ExecutorService workers = null;
        ArrayDeque<Future<Checked>> inFlight = new ArrayDeque<>();
        long read = 0;
        long good = 0;
        long bad = 0;
        try {
            List<CsvRecords.Record> batch = new ArrayList<>(BATCH_ROWS);
            for (CsvRecords.Record record; (record = csv.next()) != null; ) {
                read++;
                batch.add(record);
                if (batch.size() == BATCH_ROWS) {
                    List<CsvRecords.Record> rows = batch;
                    if (workers == null) {
                        workers = Executors.newFixedThreadPool(WORKERS, WORKER_THREADS);
                    }
                    inFlight.add(workers.submit(() -> check(feed, check, dropDate, rows)));
                    batch = new ArrayList<>(BATCH_ROWS);
                    while (inFlight.size() >= IN_FLIGHT) {
                        Checked done = write(inFlight.poll(), staged, rejects);
                        good += done.good();
                        bad += done.bad();
                    }
                }
            }
            if (!batch.isEmpty() && workers == null) {
                Checked done = write(check(feed, check, dropDate, batch), staged, rejects);
                good += done.good();
                bad += done.bad();
            } else if (!batch.isEmpty()) {
                List<CsvRecords.Record> rows = batch;
                inFlight.add(workers.submit(() -> check(feed, check, dropDate, rows)));
            }
            while (!inFlight.isEmpty()) {
                Checked done = write(inFlight.poll(), staged, rejects);
                good += done.good();
                bad += done.bad();
            }
        } finally {
            if (workers != null) {
                workers.shutdownNow();
            }
        }
        return new Counts(read, good, bad);
    }

    private static Checked write(Future<Checked> pending, OutputStream staged, Writer rejects) throws IOException {
        Checked done;
        try {
            done = pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while checking rows");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IOException(e.getCause());
        }
        return write(done, staged, rejects);
    }

    private static Checked write(Checked done, OutputStream staged, Writer rejects) throws IOException {
        done.staged().writeTo(staged);
        if (!done.rejects().isEmpty()) {
            rejects.write(done.rejects());
        }
        return done;
    }

    /** Checks one batch (on a worker): each good row staged with its drop date and line, each bad one spilled. */
    private static Checked check(Feed feed, RowCheck check, LocalDate dropDate, List<CsvRecords.Record> rows) throws IOException {
        String drop = dropDate.toString();
        CopyCsv.Rows staged = new CopyCsv.Rows();
        StringWriter rejects = null;
        int good = 0;
        int bad = 0;
        for (CsvRecords.Record record : rows) {
            RowCheck.Result result = check.check(record);
            if (result.good()) {
                String[] values = result.staged();
                staged.first(values[0]);
                for (int i = 1; i < values.length; i++) {
                    staged.next(values[i]);
                }
                staged.next(drop);
                staged.next(Long.toString(record.line()));
                staged.end();
                good++;
            } else {
                if (rejects == null) {
                    rejects = new StringWriter();
                }
                CopyCsv.writeRow(rejects, List.of(dropDate, feed.fileName(), record.line(),
                        check.recordId(record), result.reason(), JSON.writeValueAsString(check.maskedValues(record))));
                bad++;
            }
        }
        return new Checked(staged, rejects == null ? "" : rejects.toString(), good, bad);
    }

    /** Daemon threads: a worker left behind by a failure never keeps the process alive. */
    private static final ThreadFactory WORKER_THREADS = task -> {
        Thread thread = new Thread(task, "ingest-check");
        thread.setDaemon(true);
        return thread;
    };

    /** A header wider than any real feed's is not a header: keeping it would let one line take the memory. */
    static final int MAX_HEADER_COLUMNS = 1000;

    private RowCheck header(Feed feed, Path file, CsvRecords.Record record) {
        if (record.strayCr() >= 0) {
            // a file in CR-only line endings is one header line with no rows: loaded, the day had no records
            throw new UnreadableFileException(file, "line " + record.line() + " holds a CR not followed by LF: lines end in LF "
                    + "or CRLF (feeds.md), and a file whose lines end in CR alone reads as a header with no rows");
        }
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
                throw new UnreadableFileException(file, "required column '" + column + "' missing from the header"
                        + header.stream().filter(name -> nearly(name, column)).findFirst()
                                .map(name -> ": it has '" + shown(name) + "', which is not it: names are taken as written "
                                        + "(spaces, letter case and invisible characters count)").orElse(""));
            }
        }
        return new RowCheck(feed, positions, header.size(), catalog, accounts);
    }

    /**
     * A header name that is the column but for spaces, letter case or invisible characters (a second byte-order mark):
     * "missing" alone pointed at nothing a statistician could see in the header (r37a).
     */
    private static boolean nearly(String name, String column) {
        return name.length() <= 4 * column.length() + 8
                && name.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                        && Character.getType(c) != Character.FORMAT && !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().equalsIgnoreCase(column);
    }

    /** The name with every character one cannot see (a tab, a byte-order mark) written as <U+FEFF>. */
    private static String shown(String name) {
        StringBuilder shown = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (c != ' ' && (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
                    || Character.isISOControl(c))) {
                shown.append(String.format("<U+%04X>", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }

    /**
     * The physical line holding the file's first byte that is not UTF-8, or 0 when it cannot be told. The parser's
     * line is not it: decoding runs up to 64K characters ahead of the parser (a bad byte on line 15000 was said to
     * be on line 14488). The file is read again from its start, counting LF bytes, which UTF-8 never uses inside
     * a character; a drop fails once, so reading its failing file twice costs nothing that matters.
     */
    static long lineOfFirstBadByte(Path file) {
        long[] bad = firstBadByte(file);
        return bad == null ? 0 : bad[0];
    }

    /** The physical line and byte offset of the file's first byte that is not UTF-8, or null when none or unreadable. */
    private static long[] firstBadByte(Path file) {
        var decoder = strictDecoder();
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long line = 1;
        long before = 0; // bytes of the file before the buffer's first
        try (ReadableByteChannel channel = Files.newByteChannel(file, LinkOption.NOFOLLOW_LINKS)) {
            boolean end = false;
            while (!end) {
                end = channel.read(in) < 0;
                in.flip();
                CoderResult result;
                do {
                    int from = in.position();
                    out.clear();
                    result = decoder.decode(in, out, end);
                    for (int i = from; i < in.position(); i++) {
                        line += in.array()[i] == '\n' ? 1 : 0;
                    }
                    if (result.isError()) {
                        return new long[] {line, before + in.position()};
                    }
                } while (result.isOverflow());
                before += in.position();
                in.compact();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * What the file most likely is, and what to do: Excel on Chinese Windows saves "CSV" as GBK (GB18030 reads it) and
     * "Unicode text" as UTF-16, the two a provider sends most; "not UTF-8 (line 2)" alone told a statistician neither
     * (tester 30c). Read again from its start, as for the bad line.
     */
    static String savedAs(Path file) {
        String fix = "save it as \"CSV UTF-8\"";
        // its first megabyte, where the bad byte almost always is, read once: a failing load is not made to read a
        // large file again
        byte[] head;
        try {
            head = headOf(file, 1 << 20);
        } catch (IOException e) {
            return fix;
        }
        if (head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || head[0] == 0 || head[1] == 0)) {
            return "it is UTF-16 (Excel's \"Unicode text\"); " + fix;
        }
        // GB18030 reads nearly any bytes, so a UTF-8 file with one bad byte read as GBK too, and its provider was told
        // to save it again from Excel (r37a): a file cut inside its last character, or whose other characters read as
        // UTF-8, is said as what it is
        if (endsInsideACharacter(file)) {
            return "it ends inside a character, as a file not written whole: ask for it again";
        }
        String lenient = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(head)).toString();
        long bad = lenient.chars().filter(c -> c == '\uFFFD').count();
        long read = lenient.chars().filter(c -> c > 0x7F && c != '\uFFFD' && c != '\uFEFF').count();
        if (bad > 0 && read >= 8 * bad) {
            // a GBK file reads a character in six or seven as UTF-8 by chance, and a short one more: 冒充公检法 reads 3
            // of its 5 (r37d), so the evidence asked is strong; a file too short to give it is called GBK, as before
            return "its other characters are UTF-8: a damaged byte, or a file cut and joined; mend that line or ask for the file again";
        }
        // a head UTF-8 reads whole (plain ASCII, which GB18030 reads too) says nothing of the byte further on; one
        // byte GB18030 cannot read says it is no GBK either
        return decodes(head, strictDecoder()) || !decodes(head, java.nio.charset.Charset.forName("GB18030").newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))
                ? fix : "it reads as GBK (GB18030), as Excel saves \"CSV\" on Chinese Windows; " + fix;
    }

    /**
     * Whether the file's first byte that is not UTF-8 begins its last character, which stops before its end (a file cut
     * while written). Not the last bytes alone: a GBK file ends in a character that looks like a cut one too.
     */
    private static boolean endsInsideACharacter(Path file) {
        long[] bad = firstBadByte(file);
        try (var channel = Files.newByteChannel(file, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            if (bad == null || bad[1] < size - 3) {
                return false;
            }
            ByteBuffer tail = ByteBuffer.allocate((int) (size - bad[1]));
            channel.position(bad[1]);
            while (tail.hasRemaining() && channel.read(tail) >= 0) {
                // to the end
            }
            int lead = tail.get(0) & 0xFF;
            int needs = lead >= 0xF5 ? 0 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
            for (int i = 1; i < tail.capacity(); i++) {
                if ((tail.get(i) & 0xC0) != 0x80) {
                    return false;
                }
            }
            return needs > tail.capacity();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean decodes(byte[] bytes, java.nio.charset.CharsetDecoder decoder) {
        try {
            decoder.decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The file's first {@code limit} bytes, cut back to a line's end when it is longer (no character cut in two). */
    private static byte[] headOf(Path file, int limit) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] head = in.readNBytes(limit + 1);
            if (head.length <= limit) {
                return head;
            }
            int end = limit;
            while (end > 0 && head[end - 1] != '\n') {
                end--;
            }
            return java.util.Arrays.copyOf(head, end == 0 ? limit : end);
        }
    }

    /** UTF-8 that fails on a malformed byte instead of guessing: both the reader and the search for the bad line use it. */
    private static java.nio.charset.CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** UTF-8 that fails on a malformed byte instead of guessing, with a leading byte-order mark dropped. */
    private static Reader strictUtf8(Path file, java.security.MessageDigest digest) throws IOException {
        var decoder = strictDecoder();
        BufferedReader reader = new BufferedReader(new InputStreamReader(new java.security.DigestInputStream(
                Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), digest), decoder), 1 << 16);
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
