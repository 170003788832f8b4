package org.fraudstats.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JVM's temporary folder is one per process: the launcher gives `java` the folder
 * ~/.cache/fraudstats/tmp/HOST/PID (closed to other users), PID being its own, which `exec` keeps. The JDK copies every
 * font a bulletin loads from the jar into a temporary file (2.8 MB each) and deletes it when the JVM exits
 * normally; a command or `serve` killed with kill -9, a normal event here, left 3 to 5 of them in /tmp each time,
 * with Tomcat's and any library's temporary files. The next command deletes the folders of processes that are gone,
 * never one a live process uses, as the next load does with spill files. (The JDK reads java.io.tmpdir once, as
 * it starts: setting it from main is too late, so the launcher does it.) A pid reused by another process keeps a
 * dead one's folder until that process is gone too.
 */
final class ProcessTemp {

    private static final Pattern PID = Pattern.compile("\\d{1,18}");

    private ProcessTemp() {
    }

    /** When the JVM's temporary folder is this process's (named by its pid), deletes its dead siblings' folders. */
    static void sweepAround(Path temporaryFolder) {
        Path mine = temporaryFolder.toAbsolutePath().normalize();
        if (mine.getParent() != null && mine.getFileName().toString().equals(Long.toString(ProcessHandle.current().pid()))) {
            sweep(mine.getParent());
        }
    }

    /** Deletes the folders under root named by the pid of a process that is gone. */
    static void sweep(Path root) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root)) {
            for (Path folder : folders) {
                String name = folder.getFileName().toString();
                // a folder touched in the last minute may be a new process's, with a dead one's reused pid, made by its
                // launcher a moment before its JVM runs
                if (PID.matcher(name).matches() && Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && ProcessHandle.of(Long.parseLong(name)).map(p -> !p.isAlive()).orElse(true)
                        && touchedBefore(folder, java.time.Instant.now().minusSeconds(60))) {
                    deleteTree(folder);
                }
            }
        } catch (IOException e) {
            // left for the next command, which tries again: never a reason to refuse this one
        }
    }

    /** False when it cannot be told (the folder gone meanwhile): one folder never stops the sweep of the others. */
    private static boolean touchedBefore(Path folder, java.time.Instant instant) {
        try {
            return Files.getLastModifiedTime(folder).toInstant().isBefore(instant);
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // the same: the next command tries again
                }
            });
        } catch (IOException e) {
            // the same
        }
    }
}
