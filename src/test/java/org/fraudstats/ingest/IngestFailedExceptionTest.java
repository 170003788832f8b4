package org.fraudstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * Only a failure the drop's files cause is said with "mend these files, or move the folder out of the inbox": of a
 * full database disk it had an operator move a good correction aside (review 30).
 */
class IngestFailedExceptionTest {

    private static final Drop DROP = new Drop(LocalDate.of(2022, 10, 2), Path.of("/srv/inbox/2022-10-02"));

    @Test
    void theHowToGoOnIsForFailuresOfTheFilesOnly() {
        UnreadableFileException header = new UnreadableFileException(DROP.file(Feed.CASES), "required column 'loss_amount' missing from the header");
        IngestFailedException ofTheFiles = new IngestFailedException(DROP, header.getMessage(), new RuntimeException("step failed", header));
        assertThat(ofTheFiles.causedByTheFiles()).isTrue();
        assertThat(ofTheFiles.keeping(DROP, 7).getMessage()).isEqualTo("drop 2022-10-02 not loaded: /srv/inbox/2022-10-02/cases.csv: "
                + "required column 'loss_amount' missing from the header; 2022-10-02 keeps the version loaded by job execution 7 and the "
                + "drops after it wait: mend these files, move /srv/inbox/2022-10-02 out of the inbox to keep that version, or load a "
                + "mended copy from another folder (ingest --inbox DIR)");
        IngestFailedException archived = IngestFailedException.ofARecord(DROP, "cases.csv line 2: record C1 is dated 2021-01-03, in 2021-01, whose "
                + "facts were archived; it cannot be loaded until the month is restored");
        assertThat(new IngestFailedException(DROP, archived.problem(), archived).causedByTheFiles()).isTrue();

        assertThat(new IngestFailedException(DROP, "could not extend file: No space left on device",
                new FileStager.StagingFailed("the database refused its rows", new RuntimeException("No space left on device")))
                .causedByTheFiles()).isFalse();
        assertThat(new IngestFailedException(DROP, "its files changed while they were being loaded", null).causedByTheFiles()).isFalse();
    }
}
