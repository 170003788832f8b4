package org.fraudstats.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Counts the double quotes a CSV file holds. In RFC 4180 every quote is part of a pair (opening and closing,
 * or "" inside a quoted field), so an odd count means a quoted field was never closed and the parser has read
 * the rest of the file as one field.
 */
final class QuoteCounter extends FilterReader {

    private long quotes;

    QuoteCounter(Reader in) {
        super(in);
    }

    boolean odd() {
        return (quotes & 1) == 1;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c == '"') {
            quotes++;
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            if (buffer[i] == '"') {
                quotes++;
            }
        }
        return n;
    }
}
