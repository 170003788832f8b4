package org.fraudstats.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.fraudstats.generate.Feed.Kind;

/**
 * Streams one file of one drop. Each file gets its own export quirks, as files from different source systems do:
 * columns shuffled, an extra column, a BOM, CRLF, every field quoted, and a file without rows left at zero bytes.
 * Each good row may be accompanied by a corrupted copy (same id) just before or after it, so a bad row never
 * replaces a good version and the good data stays exactly what the generator meant.
 */
final class DropWriter implements Closeable {

    private static final String[] EXTRA_NAMES = {"remark", "source_system", "operator"};
    private static final String[] EXTRA_VALUES = {"", "", "备注", "系统导出", "补录, 人工核对", "市反诈中心"};

    private final Writer out;
    private final SplittableRandom rng;
    private final BadRows badRows;
    private final double badOdds;
    private final int[] order; // output position -> canonical index, -1 for the extra column
    private final Kind[] kinds;
    private final String header;
    private final String eol;
    private final boolean quoteAll;
    private final boolean zeroBytesWhenEmpty;
    private long rows;
    private long bad;

    DropWriter(Path dir, Feed feed, SplittableRandom rng, BadRows badRows, double badRate) throws IOException {
        this.rng = rng;
        this.badRows = badRows;
        // a bad row after q good ones on average, so that bad / all rows == badRate
        this.badOdds = badRate / (1 - badRate);
        List<Integer> cols = new ArrayList<>();
        for (int i = 0; i < feed.columns.size(); i++) {
            cols.add(i);
        }
        if (Shapes.chance(rng, 0.25)) {
            for (int i = cols.size() - 1; i > 0; i--) {
                cols.set(i, cols.set(rng.nextInt(i + 1), cols.get(i)));
            }
        }
        String extra = Shapes.chance(rng, 0.2) ? EXTRA_NAMES[rng.nextInt(EXTRA_NAMES.length)] : null;
        if (extra != null) {
            cols.add(rng.nextInt(cols.size() + 1), -1);
        }
        order = cols.stream().mapToInt(Integer::intValue).toArray();
        kinds = new Kind[order.length];
        String[] names = new String[order.length];
        for (int i = 0; i < order.length; i++) {
            kinds[i] = order[i] < 0 ? Kind.EXTRA : feed.columns.get(order[i]).kind();
            names[i] = order[i] < 0 ? extra : feed.columns.get(order[i]).name();
        }
        boolean bom = Shapes.chance(rng, 0.15);
        eol = Shapes.chance(rng, 0.25) ? "\r\n" : "\n";
        quoteAll = Shapes.chance(rng, 0.08);
        zeroBytesWhenEmpty = rng.nextBoolean();
        out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(dir.resolve(feed.fileName)),
                StandardCharsets.UTF_8), 1 << 16);
        header = (bom ? "\uFEFF" : "") + line(names);
    }

    /** Writes one good row (canonical column order), sometimes with a corrupted twin. */
    void row(String[] canonical) throws IOException {
        String[] row = new String[order.length];
        for (int i = 0; i < order.length; i++) {
            row[i] = order[i] < 0 ? EXTRA_VALUES[rng.nextInt(EXTRA_VALUES.length)] : canonical[order[i]];
        }
        if (badOdds > 0 && rng.nextDouble() < badOdds) {
            String[] twin = badRows.corrupt(rng, kinds, row);
            boolean before = rng.nextBoolean();
            write(before ? twin : row);
            write(before ? row : twin);
            bad++;
        } else {
            write(row);
        }
    }

    private void write(String[] row) throws IOException {
        if (rows++ == 0) {
            out.write(header);
        }
        out.write(line(row));
    }

    private String line(String[] fields) {
        StringBuilder sb = new StringBuilder(128);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields[i];
            boolean quote = quoteAll || f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0
                    || f.indexOf('\r') >= 0;
            if (quote) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.append(eol).toString();
    }

    long rows() {
        return rows;
    }

    long badRows() {
        return bad;
    }

    @Override
    public void close() throws IOException {
        if (rows == 0 && !zeroBytesWhenEmpty) {
            out.write(header);
        }
        out.close();
    }
}
