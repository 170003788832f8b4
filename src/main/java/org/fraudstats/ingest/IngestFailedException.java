package org.fraudstats.ingest;

/** A drop could not be loaded; nothing of it was (rule 6 of feeds.md). */
public class IngestFailedException extends RuntimeException {

    public IngestFailedException(Drop drop, String message, Throwable cause) {
        super("drop " + drop.date() + " not loaded: " + message, cause);
    }
}
