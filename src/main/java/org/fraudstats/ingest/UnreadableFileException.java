package org.fraudstats.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/** Rule 6 of feeds.md: a whole file cannot be read, so its drop fails and nothing of it is loaded. */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public UnreadableFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }

    /**
     * "cannot be read: permission denied" and the like: the JDK's message of an AccessDeniedException is the path
     * alone, which printed the file's name twice and not what was wrong.
     */
    static UnreadableFileException cannotRead(Path file, IOException e) {
        String reason = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        return new UnreadableFileException(file, "cannot be read: " + reason, e);
    }
}
