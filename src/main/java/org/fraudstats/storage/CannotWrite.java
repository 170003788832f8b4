package org.fraudstats.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A file of ours that could not be written, naming it: a command prints this message, not its cause's. Printed as the
 * cause alone, "No space left on device" did not say whether the output folder or the database was full (tester E).
 */
public class CannotWrite extends UncheckedIOException {

    public CannotWrite(Path path, IOException cause) {
        super("cannot write " + path + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
    }
}
