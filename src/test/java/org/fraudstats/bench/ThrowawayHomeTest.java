package org.fraudstats.bench;

import static java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE;
import static java.nio.file.attribute.PosixFilePermission.OWNER_READ;
import static java.nio.file.attribute.PosixFilePermission.OWNER_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's home: fresh for each run, its owner's alone, gone afterwards; a killed run's is gone at the next start. */
class ThrowawayHomeTest {

    @TempDir
    Path realHome;

    @Test
    void aFreshDirectoryOnlyItsOwnerCanEnterIsDeletedWithEverythingInIt() throws IOException {
        ThrowawayHome home = ThrowawayHome.create(realHome);
        Path root = home.root();
        assertThat(root.getParent()).isEqualTo(realHome.resolve("bench-throwaway"));
        assertThat(root.getFileName().toString()).startsWith("run-");
        assertThat(Files.getPosixFilePermissions(root)).containsExactlyInAnyOrder(OWNER_READ, OWNER_WRITE, OWNER_EXECUTE);
        try (var files = Files.list(root)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("run.lock");
        }
        Files.writeString(Files.createDirectories(root.resolve("pgdata/base/1")).resolve("16384"), "a table");

        home.close();

        assertThat(realHome).isEmptyDirectory();
        // a real home the bench made is its owner's alone, as every command makes it (it was the umask's 0755: review)
        ThrowawayHome.create(realHome.resolve("new-home")).close();
        assertThat(Files.getPosixFilePermissions(realHome.resolve("new-home"))).containsExactlyInAnyOrder(OWNER_READ, OWNER_WRITE, OWNER_EXECUTE);
        Files.delete(realHome.resolve("new-home"));
        ThrowawayHome next = ThrowawayHome.create(realHome);
        assertThat(next.root()).isNotEqualTo(root);
        next.close();
        assertThat(realHome).isEmptyDirectory();
    }

    @Test
    void leftoversOfKilledRunsAreDeletedAndALiveRunIsLeftAlone() throws IOException {
        Path parent = realHome.resolve("bench-throwaway");
        Path killed = Files.createDirectories(parent.resolve("run-killed"));
        Files.writeString(Files.createDirectories(killed.resolve("pgdata")).resolve("postmaster.pid"), "4242\n");
        Files.createFile(killed.resolve("run.lock"));
        Path killedBeforeLocking = Files.createDirectories(parent.resolve("run-early"));
        Path live = Files.createDirectories(parent.resolve("run-live"));
        Path notARun = Files.createDirectories(parent.resolve("notes"));
        try (FileChannel channel = FileChannel.open(live.resolve("run.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock running = channel.lock()) {
            ThrowawayHome home = ThrowawayHome.create(realHome);

            assertThat(killed).doesNotExist();
            assertThat(killedBeforeLocking).doesNotExist();
            assertThat(live.resolve("run.lock")).exists();
            assertThat(notARun).exists();

            home.close();
            assertThat(home.root()).doesNotExist();
            assertThat(live).exists();
        }
    }
}
