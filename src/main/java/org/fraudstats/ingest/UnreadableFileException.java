package org.fraudstats.ingest;

import java.nio.file.Path;

/** Rule 6 of feeds.md: a whole file cannot be read, so its drop fails and nothing of it is loaded. */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public UnreadableFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
