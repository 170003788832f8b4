package org.fraudstats.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A file of ours that could not be read, naming it and why, as {@link CannotWrite} names one that could not be
 * written: a published bulletin copied into another output folder that could not be read was reported as the
 * destination folder that could not be written.
 */
public class CannotRead extends UncheckedIOException {

    public CannotRead(Path path, IOException cause) {
        super("cannot read " + path + ": " + CannotWrite.reason(path, cause), cause);
    }
}
