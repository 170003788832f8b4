package org.fraudstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * The line of a load the database went away under says so and what to do: PostgreSQL's postmaster killed under a
 * COPY left "drop 2021-10-07 not loaded: Broken pipe" (r39b), which named neither the database nor the remedy.
 */
class LostDatabaseMessageTest {

    @Test
    void aConnectionLostUnderTheLoadIsSaidAsSuch() {
        Exception copy = new RuntimeException("COPY failed", new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE, new IOException("Broken pipe")));
        assertThat(Ingest.rootMessage(copy)).isEqualTo("the database connection was lost (Broken pipe): nothing of the drop was "
                + "kept; once the database is back, run the same command again");
    }

    @Test
    void aFaultOfTheDropIsSaidAsBefore() {
        Exception refused = new RuntimeException("step failed", new IllegalStateException("cases.csv: required column 'loss_amount' missing"));
        assertThat(Ingest.rootMessage(refused)).isEqualTo("cases.csv: required column 'loss_amount' missing");
    }
}
