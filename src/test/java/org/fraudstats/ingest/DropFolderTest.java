package org.fraudstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;

import org.fraudstats.support.Drops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drop folder, or an inbox, the loader cannot look into fails its load, named, instead of looking empty. The
 * tests run as root, whom no permission stops, so the file system's answer is given: the look-up of every path
 * under the folder raises AccessDeniedException, as it does for a folder without search permission (chmod 600,
 * or 700 owned by another user).
 */
class DropFolderTest {

    private static final LocalDate DAY = LocalDate.of(2022, 10, 23);

    @TempDir
    Path inbox;

    @Test
    void aDropFolderThatCannotBeSearchedFailsNamingTheFolder() throws IOException {
        new Drops(inbox).write(DAY.toString(), "cases.csv", Drops.CASES);
        Path folder = inbox.resolve(DAY.toString());
        Drop drop = new Drop(DAY, folder);

        assertThatThrownBy(() -> drop.feeds(deniedUnder(folder)))
                .isInstanceOf(UnreadableFileException.class).hasMessage(folder + ": cannot be read: permission denied");
        // readable, the same folder holds its file, and a file not there is simply absent
        assertThat(drop.feeds()).containsExactly(Feed.CASES);
    }

    /** A folder moved away after the inbox was listed loaded as an empty drop, its day counted as arrived (review 30). */
    @Test
    void aDropFolderGoneSinceTheInboxWasListedFailsInsteadOfLoadingEmpty() throws IOException {
        Path folder = inbox.resolve(DAY.toString());
        Drop drop = new Drop(DAY, folder);
        assertThatThrownBy(drop::feeds).isInstanceOf(UnreadableFileException.class)
                .hasMessage(folder + ": is no longer there (moved away or unmounted since the inbox was listed); nothing of it was loaded");
        Files.writeString(folder, "a file where the folder was");
        assertThatThrownBy(drop::checksum).isInstanceOf(UnreadableFileException.class)
                .hasMessage(folder + ": is no longer a folder; nothing of it was loaded");
    }

    @Test
    void anInboxThatCanBeListedButNotSearchedFailsNamingTheDrop() throws IOException {
        new Drops(inbox).write(DAY.toString(), "cases.csv", Drops.CASES);
        Files.createDirectories(inbox.resolve("notes"));

        assertThatThrownBy(() -> Inbox.drops(inbox, null, null, DAY, deniedUnder(inbox)))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(inbox.resolve(DAY.toString()) + ": cannot be read: permission denied");
        assertThat(Inbox.drops(inbox, null, null, DAY)).containsExactly(new Drop(DAY, inbox.resolve(DAY.toString())));
    }

    @Test
    void onDiskAFolderWithoutSearchPermissionFailsToo() throws IOException {
        // where the tests do not run as root, the file system itself says no
        assumeFalse("root".equals(System.getProperty("user.name")), "root is never denied");
        new Drops(inbox).write(DAY.toString(), "cases.csv", Drops.CASES);
        Path folder = inbox.resolve(DAY.toString());
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rw-------"));
        try {
            assertThatThrownBy(() -> new Drop(DAY, folder).feeds())
                    .isInstanceOf(UnreadableFileException.class).hasMessage(folder + ": cannot be read: permission denied");
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** The file system's answer to a look-up under a folder without search permission: EACCES. */
    private static Drop.Attributes deniedUnder(Path folder) {
        return path -> {
            if (path.startsWith(folder) && !path.equals(folder)) {
                throw new AccessDeniedException(path.toString());
            }
            return Files.readAttributes(path, BasicFileAttributes.class);
        };
    }
}
