package org.fraudstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.fraudstats.storage.FraudstatsHome;
import org.fraudstats.support.DatabaseTest;
import org.fraudstats.support.Drops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Rejected rows wait for their COPY under the home, readable by the owner only; a kill's leftovers go next time. */
class SpillFolderTest extends DatabaseTest {

    @Autowired
    FraudstatsHome home;

    @Autowired
    SpillFolder spillFolder;

    @TempDir
    Path inbox;

    @Test
    void spillFilesLiveUnderTheHomeReadableByTheOwnerOnly() throws Exception {
        Path file = spillFolder.newFile();
        try {
            assertThat(file.getParent()).isEqualTo(home.resolve("spill"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void theNextIngestRemovesWhatAKilledLoadLeftAndNothingAliveProcessesWrite() throws Exception {
        Path spill = Files.createDirectories(home.resolve("spill"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path leftover = Files.writeString(spill.resolve("rejects-" + gone.pid() + "-123.csv"), "2022-10-01,cases.csv,2,C1,x,{}\n");
        Path ours = Files.writeString(spill.resolve("rejects-" + ProcessHandle.current().pid() + "-456.csv"), "left by an earlier load\n");
        Path alive = Files.writeString(spill.resolve("rejects-" + ProcessHandle.current().parent().orElseThrow().pid() + "-789.csv"), "");
        Path other = Files.writeString(spill.resolve("notes.txt"), "not a spill file");
        new Drops(inbox).write("2022-10-01", "cases.csv", Drops.CASES + "C1,2022-10-01T09:00:00+08:00,440604,,OTHER,x,\n");

        Run ingest = cli("ingest", "--inbox", inbox.toString());

        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains("2022-10-01  1 rows read, 1 rejected");
        try (Stream<Path> files = Files.list(spill)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(alive.getFileName().toString(), other.getFileName().toString());
        }
        assertThat(leftover).doesNotExist();
        assertThat(ours).doesNotExist();
        Files.delete(alive);
        Files.delete(other);
    }
}
