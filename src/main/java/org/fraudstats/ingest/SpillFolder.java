package org.fraudstats.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fraudstats.storage.FraudstatsHome;
import org.springframework.stereotype.Component;

/**
 * $FRAUDSTATS_HOME/spill: where a file's rejected rows wait for their COPY (FileStager). It lives in the home,
 * not in /tmp, because it holds rows of the feeds: readable by the owner only (folder 0700, files 0600), and
 * found again after a kill. A spill file is named after the process that wrote it, so the next ingest removes
 * what dead processes left and never a file another live process is writing.
 */
@Component
class SpillFolder {

    private static final Pattern NAME = Pattern.compile("rejects-(\\d{1,18})-.*\\.csv");

    private final FraudstatsHome home;

    SpillFolder(FraudstatsHome home) {
        this.home = home;
    }

    Path newFile() throws IOException {
        // createTempFile makes the file 0600 on POSIX file systems
        return Files.createTempFile(folder(), "rejects-" + ProcessHandle.current().pid() + "-", ".csv");
    }

    /** Removes the spill files of processes that are gone (killed mid-load); called before a load starts. */
    void clean() {
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder())) {
            for (Path file : files) {
                Matcher name = NAME.matcher(file.getFileName().toString());
                if (name.matches()) {
                    long pid = Long.parseLong(name.group(1));
                    // this process loads one drop at a time, under the loader's lock: a file of its own is a leftover too
                    if (pid == self || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + home.resolve("spill") + ": " + e.getMessage(), e);
        }
    }

    private Path folder() throws IOException {
        Path folder = home.resolve("spill");
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
        }
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: the home's own protection applies
        }
        return folder;
    }
}
