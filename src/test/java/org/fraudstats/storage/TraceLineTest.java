package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one line of a recorded trace a user acts on (review 30c: the preference of our own line had no test). */
class TraceLineTest {

    @Test
    void ourOwnFirstLineComesBeforeTheServersAndAStatementsTraceGivesTheServersLine() {
        String ours = "org.fraudstats.ingest.IngestFailedException: drop 2022-10-02 not loaded: cases.csv line 2: record C1 is dated 2021-01-03\n"
                + "\tat org.fraudstats.ingest.DropLoadTasklet.execute(DropLoadTasklet.java:90)\n"
                + "Caused by: org.postgresql.util.PSQLException: ERROR: value quoted by the server\n";
        assertThat(TraceLine.of(ours)).isEqualTo("drop 2022-10-02 not loaded: cases.csv line 2: record C1 is dated 2021-01-03");
        String statement = "org.springframework.jdbc.BadSqlGrammarException: StatementCallback; bad SQL grammar [SELECT 1]\n"
                + "Caused by: org.postgresql.util.PSQLException: ERROR: could not extend file: No space left on device\n";
        assertThat(TraceLine.of(statement)).isEqualTo("could not extend file: No space left on device");
        assertThat(TraceLine.of("java.lang.IllegalStateException\n\tat x.y(Z.java:1)")).isEqualTo("IllegalStateException");
        assertThat(TraceLine.of("")).isNull();
        assertThat(TraceLine.ofFailure(null)).isEqualTo(TraceLine.NO_TRACE);
    }
}
