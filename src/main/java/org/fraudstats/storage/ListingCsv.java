package org.fraudstats.storage;

import java.io.Writer;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/**
 * The CSV of the listings (rejects, audit, deliveries; the audit's from the API too, byte for byte): RFC 4180 quoting where a value needs it (reasons
 * hold commas, relay errors quotes and line breaks), LF line ends, and values from outside made inert for a
 * spreadsheet, which is where a statistician opens these.
 */
public final class ListingCsv {

    private ListingCsv() {
    }

    /**
     * A listing over the caller's writer (standard output, a response): closing the listing flushes it and leaves that
     * writer open. Closed with it, a line printed after the listing was silently lost (a PrintWriter swallows the
     * error; review).
     */
    public static CsvWriter writer(Writer out) {
        return CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(new java.io.FilterWriter(out) {
            @Override
            public void close() throws java.io.IOException {
                flush();
            }
        });
    }

    /**
     * A value copied from a feed or a request that begins with = + - @, a tab or a CR would be run by a spreadsheet
     * as a formula (=cmd|' /C calc'!A0). Such a value gets a leading ' (OWASP's advice), which a spreadsheet shows as
     * text; JSON is not run by anything, so it keeps the value as written. null is written as an empty field. Spaces
     * before the sign do not make it inert: LibreOffice and some Excel imports trim them and run " =1+1" all the same.
     */
    public static String inert(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        int at = 0;
        while (at < value.length() - 1 && Character.isSpaceChar(value.charAt(at))) {
            at++;
        }
        char first = value.charAt(at);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }
}
