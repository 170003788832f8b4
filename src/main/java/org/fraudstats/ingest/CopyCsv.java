package org.fraudstats.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes rows in PostgreSQL COPY's CSV format, null as an unquoted empty field. {@link #writeRow} quotes every
 * value (the rejects' spill file); {@link Rows} writes the staged rows straight to UTF-8 bytes and quotes only
 * the values that need it, so the bulk of a drop (plain ids, codes and timestamps) is copied byte for byte.
 */
final class CopyCsv {

    private CopyCsv() {
    }

    static void writeRow(Writer out, List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object v = values.get(i);
            if (v != null) {
                out.write('"');
                out.write(v.toString().replace("\"", "\"\""));
                out.write('"');
            }
        }
        out.write('\n');
    }

    /**
     * Rows of COPY CSV as UTF-8 bytes, built in memory by one thread and written out whole. A value is quoted when
     * it is empty (unquoted, it would be NULL) or holds a quote, comma, CR or LF; in CSV every other character,
     * spaces and backslashes included, is read as written.
     */
    static final class Rows {

        private byte[] bytes = new byte[1 << 16];
        private int size;

        /** Starts a row with its first value. */
        void first(String value) {
            value(value);
        }

        void next(String value) {
            put((byte) ',');
            value(value);
        }

        void end() {
            put((byte) '\n');
        }

        int size() {
            return size;
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(bytes, 0, size);
        }

        private void value(String value) {
            if (value == null) {
                return;
            }
            int n = value.length();
            boolean plain = n > 0;
            for (int i = 0; i < n && plain; i++) {
                char c = value.charAt(i);
                plain = c < 0x80 && c != '"' && c != ',' && c != '\n' && c != '\r';
            }
            if (plain) {
                room(n);
                for (int i = 0; i < n; i++) {
                    bytes[size++] = (byte) value.charAt(i);
                }
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            room(2 * utf8.length + 2);
            bytes[size++] = '"';
            for (byte b : utf8) {
                if (b == '"') {
                    bytes[size++] = '"';
                }
                bytes[size++] = b;
            }
            bytes[size++] = '"';
        }

        private void put(byte b) {
            room(1);
            bytes[size++] = b;
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + more));
            }
        }
    }
}
