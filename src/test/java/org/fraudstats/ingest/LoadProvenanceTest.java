package org.fraudstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.fraudstats.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The bulletins' provenance footnote is remembered between loads, but never outlives a change to the facts. */
class LoadProvenanceTest extends DatabaseTest {

    @Autowired
    LoadProvenance provenance;

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
