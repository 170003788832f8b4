package org.fraudstats.ingest;

/** A drop could not be loaded; nothing of it was (rule 6 of feeds.md). */
public class IngestFailedException extends RuntimeException {

    private final String problem;

    public IngestFailedException(Drop drop, String problem, Throwable cause) {
        super("drop " + drop.date() + " not loaded: " + problem, cause);
        this.problem = problem;
    }

    /** What went wrong, without the drop: raised inside the drop's job, it is said once, not twice. */
    String problem() {
        return problem;
    }
}
