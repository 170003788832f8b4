package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.junit.jupiter.api.Test;

class ListingCsvTest {

    @Test
    void closingAListingLeavesTheCallersWriterOpen_andAFormulaIsMadeText() throws Exception {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        try (CsvWriter csv = ListingCsv.writer(out)) {
            csv.writeRecord("record_id", "reason");
            csv.writeRecord(ListingCsv.inert("=1+1"), "row has 8 fields, header has 7");
        }
        out.println("a line after the listing");
        out.flush();
        assertThat(out.checkError()).isFalse();
        assertThat(text).hasToString("record_id,reason\n'=1+1,\"row has 8 fields, header has 7\"\na line after the listing\n");
    }
}
