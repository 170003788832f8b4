package org.fraudstats.ingest;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes rows in PostgreSQL COPY's CSV format: every value quoted, null as an unquoted empty field. */
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
}
