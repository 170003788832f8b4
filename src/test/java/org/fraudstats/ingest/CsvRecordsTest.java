package org.fraudstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 4180 as feeds.md reads it, and memory that stays flat whatever one line holds. */
class CsvRecordsTest {

    @Test
    void recordsAreNumberedByTheirFirstPhysicalLineAndBlankLinesAreNotRecords() throws Exception {
        assertThat(read("a,b\r\n\r\n\"x\r\ny\",\"q\"\"uote\"\n\nc,d\r\ne,\"\"\n,\nab\"c,1"))
                .containsExactly("1 [a, b]", "3 [x\r\ny, q\"uote]", "6 [c, d]", "7 [e, ]", "8 [, ]", "9 [ab\"c, 1]");
        assertThat(read("")).isEmpty();
        assertThat(read("\"\"\n")).containsExactly("1 []");
    }

    @Test
    void aLoneCrIsPartOfItsFieldQuotedOrNotAndEndsNoLine() throws Exception {
        // feeds.md: lines end in LF or CRLF, and line numbers count physical lines
        assertThat(read("a,b,c\n\"\rW6\",x,y\nW7,SMS\rX,z\r\n\rW8,1,2\r\n\"q\r\",\"\r\r\n\",3\nlast,4,5\r"))
                .containsExactly("1 [a, b, c]", "2 [\rW6, x, y]", "3 [W7, SMS\rX, z]", "4 [\rW8, 1, 2]", "5 [q\r, \r\r\n, 3]",
                        "7 [last, 4, 5\r]");
        assertThatThrownBy(() -> read("a,b\n\"x\"\ry,1\n"))
                .isInstanceOf(CsvRecords.NotCsv.class).hasMessage("not CSV at line 2: a character follows the closing quote of field 1 (a)");
    }

    @Test
    void aQuotedFieldLeftOpenOrFollowedByTextIsNotCsv() {
        assertThatThrownBy(() -> read("a,b\n1,\"open\n2,3\n"))
                .isInstanceOf(CsvRecords.NotCsv.class).hasMessage("a quoted field is never closed: field 2 (b), opened on line 2");
        assertThatThrownBy(() -> read("a,b\n\n1,\"x\"y\n"))
                .isInstanceOf(CsvRecords.NotCsv.class).hasMessage("not CSV at line 3: a character follows the closing quote of field 2 (b)");
        // a file sent without its header: its first row is taken for one, and its account number is not echoed
        String card = "6222" + "0200" + "1234" + "5678";
        assertThatThrownBy(() -> read("C1," + card + "\n1,\"x\"y\n")).isInstanceOf(CsvRecords.NotCsv.class)
                .hasMessage("not CSV at line 2: a character follows the closing quote of field 2 (************5678)");
        // in the header itself, by its number alone
        assertThatThrownBy(() -> read("a,\"b\"c\n")).isInstanceOf(CsvRecords.NotCsv.class)
                .hasMessage("not CSV at line 1: a character follows the closing quote of field 2");
    }

    @Test
    void aFieldOfSixHundredMillionCharactersIsKeptAsItsBeginningAndTheNextRecordIsRead() throws Exception {
        // 1.2 GB as chars: a parser that held the field would not fit in the tests' 1 GB heap
        long size = 600_000_000L;
        try (CsvRecords csv = new CsvRecords(new Generated("a,b,c\n1,", size, 'x', ",3\n4,\"", size, 'y', "\",6\n"))) {
            csv.next();
            CsvRecords.Record unquoted = csv.next();
            assertThat(unquoted.line()).isEqualTo(2);
            assertThat(unquoted.fieldCount()).isEqualTo(3);
            assertThat(unquoted.fields().get(1)).hasSize(CsvRecords.KEPT_CHARS).matches("x+");
            assertThat(unquoted.cut(1)).isTrue();
            assertThat(unquoted.cut(2)).isFalse();
            assertThat(unquoted.fields().get(2)).isEqualTo("3");
            CsvRecords.Record quoted = csv.next();
            assertThat(quoted.line()).isEqualTo(3);
            assertThat(quoted.fields()).hasSize(3).startsWith("4").endsWith("6");
            assertThat(quoted.cut(1)).isTrue();
            assertThat(csv.next()).isNull();
        }
    }

    @Test
    void aRowOfTenMillionFieldsKeepsOnlyTheHeadersWidth() throws Exception {
        try (CsvRecords csv = new CsvRecords(new Generated("a,b\n", 10_000_000, ',', "\nc,d\n", 0, ' ', ""))) {
            csv.keepFields(2);
            csv.next();
            CsvRecords.Record wide = csv.next();
            assertThat(wide.fieldCount()).isEqualTo(10_000_001);
            assertThat(wide.fields()).containsExactly("", "");
            assertThat(csv.next().fields()).containsExactly("c", "d");
        }
    }

    /** A wide header's extra columns are not kept: a batch's memory grew with them (review 33c). */
    @Test
    void onlyTheColumnsReadAreKept_othersEmptyUpToTheLastOfThemAndNoneAfter() throws Exception {
        String extra = "y".repeat(1000);
        try (CsvRecords csv = new CsvRecords(new StringReader("x1,case_id,x2,loss_amount,x3,x4\n"
                + extra + ",C1," + extra + ",100.00," + extra + "," + extra + "\n"))) {
            csv.keepFields(1000);
            csv.next();
            java.util.BitSet read = new java.util.BitSet();
            read.set(1);
            read.set(3);
            csv.keepOnly(read);
            CsvRecords.Record row = csv.next();
            assertThat(row.fieldCount()).isEqualTo(6);
            assertThat(row.fields()).containsExactly("", "C1", "", "100.00");
            assertThat(row.cut(0)).isFalse();
        }
    }

    /** The records of the text, read whole and read one character at a time: every CRLF split between two reads. */
    private static List<String> read(String text) throws IOException, CsvRecords.NotCsv {
        List<String> records = read(new StringReader(text));
        assertThat(read(new StringReader(text) {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, 1));
            }
        })).isEqualTo(records);
        return records;
    }

    private static List<String> read(Reader in) throws IOException, CsvRecords.NotCsv {
        List<String> records = new ArrayList<>();
        try (CsvRecords csv = new CsvRecords(in)) {
            for (CsvRecords.Record r; (r = csv.next()) != null; ) {
                records.add(r.line() + " " + r.fields());
            }
        }
        return records;
    }

    /** A text of prefix, n1 times c1, middle, n2 times c2, suffix, made as it is read and never held whole. */
    private static final class Generated extends Reader {
        private final String[] parts;
        private final long[] repeats;
        private final char[] fill;
        private int part;
        private long done;

        Generated(String prefix, long n1, char c1, String middle, long n2, char c2, String suffix) {
            parts = new String[] {prefix, null, middle, null, suffix};
            repeats = new long[] {prefix.length(), n1, middle.length(), n2, suffix.length()};
            fill = new char[] {0, c1, 0, c2, 0};
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            while (part < parts.length && done == repeats[part]) {
                part++;
                done = 0;
            }
            if (part == parts.length) {
                return -1;
            }
            int n = (int) Math.min(length, repeats[part] - done);
            if (parts[part] == null) {
                java.util.Arrays.fill(buffer, offset, offset + n, fill[part]);
            } else {
                parts[part].getChars((int) done, (int) done + n, buffer, offset);
            }
            done += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
