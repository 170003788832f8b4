package org.fraudstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A killed process's temporary files (the fonts the JDK copies out of the jar, 2.8 MB each) are deleted by the next
 * command; a live process's folder is never touched, nor anything not named by a pid.
 */
class ProcessTempTest {

    @TempDir
    Path root;

    @Test
    void theFoldersOfProcessesThatAreGoneAreDeleted_thoseOfLiveOnesKept() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path dead = Files.createDirectories(root.resolve(Long.toString(gone.pid())));
        Files.write(dead.resolve("+~JF123.tmp"), new byte[1024]);
        Path mine = Files.createDirectories(root.resolve(Long.toString(ProcessHandle.current().pid())));
        Files.write(mine.resolve("+~JF456.tmp"), new byte[1024]);
        Path notOurs = Files.createDirectories(root.resolve("notes"));
        Files.setLastModifiedTime(dead, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));
        // a dead pid's folder made a moment ago may be a starting process's that reuses the pid
        Process goneToo = new ProcessBuilder("true").start();
        goneToo.waitFor();
        Path justMade = Files.createDirectories(root.resolve(Long.toString(goneToo.pid())));

        ProcessTemp.sweepAround(mine);

        assertThat(dead).doesNotExist();
        assertThat(justMade).exists();
        assertThat(mine.resolve("+~JF456.tmp")).exists();
        assertThat(notOurs).exists();
    }

    @Test
    void aTemporaryFolderNotNamedByThisProcessIsNoSignToSweepItsSiblings() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path dead = Files.createDirectories(root.resolve(Long.toString(gone.pid())));
        // java -jar without the launcher: /tmp, whose other folders are none of fraudstats' business
        ProcessTemp.sweepAround(Files.createDirectories(root.resolve("tmp")));
        assertThat(dead).exists();
    }
}
