package org.fraudstats.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The records of an RFC 4180 file, one at a time, in bounded memory whatever the file holds: of each field at most
 * {@link #KEPT_CHARS} characters are kept, of each record at most {@link #keepFields} fields; the rest is counted,
 * never stored. A 50 MB field or a row of a million fields is so one bad row (RowCheck), and the rows after it
 * load. (FastCSV, used before, buffers a whole field and stops the file at its size limit.)
 * <p>
 * Lines are physical lines, ended by LF or CRLF as feeds.md says; a CR not followed by LF ends nothing (taken for a
 * line end, it split a row in two and put every later line number one off) and is a character of its field, quoted
 * or not; the record says where one stands unquoted: a header holding one fails its file (a file in old Mac line
 * endings, CR alone, read as one header line with no rows, and the day's cases vanished without a word, tester), and
 * a row it gave the wrong count of fields is rejected saying so. A record is numbered by its first line; a line with nothing on it is not a record. A field is quoted when its first character is a quote; a quote elsewhere in an
 * unquoted field is an ordinary character. A closing quote followed by anything but a separator or a line end,
 * and a quoted field still open at the end of the file, are not CSV: the whole file is unreadable (rule 6).
 */
final class CsvRecords implements Closeable {

    /** More than any field's limit (Feed.maxLength), so a kept value always tells whether its field was too long. */
    static final int KEPT_CHARS = 1024;

    /**
     * One record: its first line, its first fields (each cut at KEPT_CHARS), how many fields it really had, and the
     * index of the first field holding an unquoted CR not followed by LF (-1 when none does).
     */
    record Record(long line, List<String> fields, long fieldCount, BitSet cut, long strayCr) {
        /** Whether the field at this index was longer than KEPT_CHARS (its kept value is only its beginning). */
        boolean cut(int index) {
            return cut.get(index);
        }
    }

    /** Why the file is not CSV, naming the physical line where that shows. */
    static final class NotCsv extends Exception {
        NotCsv(String problem) {
            super(problem);
        }
    }

    private static final int EOF = -1;

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder field = new StringBuilder();
    private int pos;
    private int end;
    private long line = 1;
    private int keepFields = Integer.MAX_VALUE;
    private BitSet only;
    private boolean fieldCut;
    private boolean fieldStrayCr;
    /** The first record's fields, the header's names, once read: a file that is not CSV names the column too. */
    private List<String> names;

    CsvRecords(Reader in) {
        this.in = in;
    }

    /** Keeps no more than this many fields of each following record (the header's width), counting the rest. */
    void keepFields(int count) {
        keepFields = count;
        only = null;
    }

    /**
     * Keeps of each following record only the fields at these indexes (the spec's columns), the others as "" up to the
     * last of them and none after: feeds.md's extra columns are ignored, and kept they made a batch's memory grow
     * with the header's width, 2 GB for a file of 1000 columns, which failed its drop with "Java heap space" (review 33c).
     */
    void keepOnly(BitSet columns) {
        keepFields = columns.length();
        only = (BitSet) columns.clone();
    }

    /** The physical line being read; a decoding error is met up to a buffer ahead of it (FileStager.lineOfFirstBadByte). */
    long line() {
        return line;
    }

    /** @return the next record, or null at the end of the file */
    Record next() throws IOException, NotCsv {
        for (int c = peek(); c == '\n' || c == '\r' && peekSecond() == '\n'; c = peek()) {
            pos += c == '\r' ? 2 : 1;
            line++;
        }
        if (peek() == EOF) {
            return null;
        }
        long first = line;
        List<String> fields = new ArrayList<>();
        BitSet cut = new BitSet();
        long count = 0;
        long strayCr = -1;
        while (true) {
            boolean stored = count < keepFields;
            boolean keep = stored && (only == null || only.get((int) count));
            readField(keep ? KEPT_CHARS : 0, count);
            if (fieldStrayCr && strayCr < 0) {
                strayCr = count;
            }
            if (stored) {
                cut.set(fields.size(), keep && fieldCut);
                fields.add(keep ? field.toString() : "");
            }
            count++;
            // readField stops at a comma, an LF (the CR of a CRLF taken) or the end of the file
            int c = read();
            if (c == ',') {
                continue;
            }
            if (c == '\n') {
                line++;
            }
            if (names == null) {
                names = List.copyOf(fields);
            }
            return new Record(first, fields, count, cut, strayCr);
        }
    }

    /**
     * Field {@code index} of a record by its number and, past the header, its column: "a quoted field is never closed
     * (it opens on line 4)" named no column (tester 30c), which rule 6 asks a failing file's message to name.
     */
    private String field(long index) {
        if (names == null || index >= names.size()) {
            return "field " + (index + 1);
        }
        // masked and cut: a file sent without its header has a row of data there, an account number among it
        String name = org.fraudstats.storage.DigitRuns.mask(names.get((int) index));
        return "field " + (index + 1) + " (" + (name.length() > 40 ? name.substring(0, 40) + "…" : name) + ")";
    }

    /** Reads one field into {@link #field}, keeping at most `room` characters; stops before a comma, LF or the end. */
    private void readField(int room, long index) throws IOException, NotCsv {
        field.setLength(0);
        fieldCut = false;
        fieldStrayCr = false;
        if (peek() != '"') {
            while (true) {
                if (pos == end && fill() == EOF) {
                    return;
                }
                int from = pos;
                while (pos < end && buffer[pos] != ',' && buffer[pos] != '\n' && buffer[pos] != '\r') {
                    pos++;
                }
                keep(from, pos, room);
                if (pos < end && buffer[pos] == '\r') {
                    boolean lineEnd = peekSecond() == '\n';
                    pos++;
                    if (lineEnd) {
                        return;
                    }
                    fieldStrayCr = true;
                    keepChar('\r', room);
                } else if (pos < end) {
                    return;
                }
            }
        }
        pos++;
        long opened = line;
        while (true) {
            int c = read();
            if (c == EOF) {
                throw new NotCsv("a quoted field is never closed: " + field(index) + ", opened on line " + opened);
            }
            if (c == '"') {
                if (peek() != '"') {
                    int after = peek();
                    if (after == '\r' && peekSecond() == '\n') {
                        pos++;
                    } else if (after != ',' && after != '\n' && after != EOF) {
                        throw new NotCsv("not CSV at line " + line + ": a character follows the closing quote of " + field(index));
                    }
                    return;
                }
                pos++;
            } else if (c == '\n') {
                line++;
            }
            keepChar((char) c, room);
        }
    }

    private void keep(int from, int to, int room) {
        int n = Math.min(to - from, room - field.length());
        if (n > 0) {
            field.append(buffer, from, n);
        }
        fieldCut |= to - from > n;
    }

    private void keepChar(char c, int room) {
        if (field.length() < room) {
            field.append(c);
        } else {
            fieldCut = true;
        }
    }

    private int peek() throws IOException {
        return pos < end || fill() != EOF ? buffer[pos] : EOF;
    }

    /**
     * The character after the one at {@code pos} (which is in the buffer): whether a CR is half of a CRLF. When the
     * buffer ends at {@code pos}, that character is moved to the buffer's start and the rest filled after it.
     */
    private int peekSecond() throws IOException {
        if (pos + 1 < end) {
            return buffer[pos + 1];
        }
        buffer[0] = buffer[pos];
        pos = 0;
        end = 1;
        int n = in.read(buffer, 1, buffer.length - 1);
        end += Math.max(n, 0);
        return end > 1 ? buffer[1] : EOF;
    }

    private int read() throws IOException {
        return pos < end || fill() != EOF ? buffer[pos++] : EOF;
    }

    private int fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        pos = 0;
        end = Math.max(n, 0);
        return n <= 0 ? EOF : n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
