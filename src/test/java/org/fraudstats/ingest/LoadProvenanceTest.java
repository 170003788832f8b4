package org.fraudstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.fraudstats.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The bulletins' provenance footnote is remembered between loads, but never outlives a change to the facts. */
class LoadProvenanceTest extends DatabaseTest {

    @Autowired
    LoadProvenance provenance;

    @Test
    void aDropSentAgainCountsOnce() throws Exception {
        assertThat(cli("ingest", "--inbox", SAMPLE_INBOX.toString()).exitCode()).isZero();
        long rowsLoaded = provenance.now().rowsLoaded();
        // the same day's drop again, its cases.csv with a byte-order mark (ignored, feeds.md): a new checksum, the
        // same rows
        Path again = Files.createTempDirectory("resent").resolve("2022-10-24");
        Files.createDirectories(again);
        try (var files = Files.list(SAMPLE_INBOX.resolve("2022-10-24"))) {
            for (Path file : files.toList()) {
                Files.copy(file, again.resolve(file.getFileName()));
            }
        }
        byte[] cases = Files.readAllBytes(again.resolve("cases.csv"));
        assertThat(cases[0]).as("the sample's cases.csv starts without a mark").isNotEqualTo((byte) 0xEF);
        byte[] withMark = new byte[cases.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(cases, 0, withMark, 3, cases.length);
        Files.write(again.resolve("cases.csv"), withMark);
        Run resent = cli("ingest", "--inbox", again.getParent().toString());
        assertThat(resent.exitCode()).as(resent.err()).isZero();
        assertThat(resent.out()).contains("2022-10-24  ").contains(" 0 changed");

        // 已入库 was the sum over every load: the drop counted twice, and two homes of the same drops disagreed
        assertThat(provenance.now().rowsLoaded()).isEqualTo(rowsLoaded);
    }

    @Test
    void aHandCorrectionIsSeenWithoutANewLoad() {
        assertThat(cli("ingest", "--inbox", SAMPLE_INBOX.toString()).exitCode()).isZero();
        LoadProvenance.Snapshot loaded = provenance.now();
        assertThat(loaded.latestDrop()).isEqualTo(LocalDate.of(2022, 12, 2));
        assertThat(loaded.rowsPending()).isEqualTo(24); // as `ingest` reports for the sample

        // a statistician removes a case by hand: its freezes and refunds wait for it again
        String caseId = jdbc.queryForObject("""
                SELECT c.case_id FROM fact_case c JOIN fact_freeze f ON f.case_id = c.case_id
                ORDER BY c.case_id LIMIT 1""", String.class);
        long itsRows = jdbc.queryForObject("SELECT (SELECT count(*) FROM fact_freeze WHERE case_id = ?) "
                + "+ (SELECT count(*) FROM fact_refund WHERE case_id = ?)", Long.class, caseId, caseId);
        jdbc.update("DELETE FROM fact_case WHERE case_id = ?", caseId);

        assertThat(provenance.now().rowsPending()).isEqualTo(24 + itsRows);
        assertThat(provenance.now().latestJobExecutionId()).isEqualTo(loaded.latestJobExecutionId());
    }
}
