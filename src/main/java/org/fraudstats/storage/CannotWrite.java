package org.fraudstats.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * A file of ours that could not be written, naming it and why: a command prints this message, not its cause's.
 * Printed as the cause alone, "No space left on device" did not say whether the output folder or the database was
 * full (tester E); and the JDK's message of a file in the way is its path alone, which said nothing of what was wrong.
 */
public class CannotWrite extends UncheckedIOException {

    public CannotWrite(Path path, IOException cause) {
        this("cannot write", path, cause);
    }

    /** @param what what could not be done, before the path: "cannot create FRAUDSTATS_HOME" */
    public CannotWrite(String what, Path path, IOException cause) {
        super(what + " " + path + ": " + reason(path, cause), cause);
    }

    static String reason(Path path, IOException cause) {
        String reason;
        if (cause instanceof FileAlreadyExistsException || cause instanceof NotDirectoryException) {
            reason = "a file of that name is in the way";
        } else if (cause instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (cause instanceof NoSuchFileException) {
            reason = "no such folder";
        } else if (cause instanceof FileSystemException fs && fs.getReason() != null) {
            reason = fs.getReason();
        } else {
            reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().strip().lines().findFirst().orElse("");
        }
        // the path the system names, when it is not the one this message names already
        return cause instanceof FileSystemException fs && fs.getFile() != null && !Path.of(fs.getFile()).equals(path)
                ? reason + " (" + fs.getFile() + ")" : reason;
    }
}
