package org.fraudstats.ingest;

/** A drop could not be loaded; nothing of it was (rule 6 of feeds.md). */
public class IngestFailedException extends RuntimeException {

    private final String problem;

    public IngestFailedException(Drop drop, String problem, Throwable cause) {
        this(drop, problem, "", cause);
    }

    private IngestFailedException(Drop drop, String problem, String afterword, Throwable cause) {
        super("drop " + drop.date() + " not loaded: " + problem + afterword, cause);
        this.problem = problem;
    }

    /**
     * This failure of a new version of a day loaded before, said with what the figures keep and how to go on: the
     * drops after it wait (ingest stops at the first that fails), and a statistician who put the loaded version back
     * in another folder was told "unchanged" while the inbox's broken one went on blocking every night (retester).
     */
    IngestFailedException keeping(Drop drop, long loadedBy) {
        IngestFailedException said = new IngestFailedException(drop, problem, "; " + drop.date() + " keeps the version loaded by job execution "
                + loadedBy + " and the drops after it wait: mend these files, or move " + drop.folder() + " out of the inbox to keep that version",
                getCause());
        said.setStackTrace(getStackTrace());
        return said;
    }

    /** What went wrong, without the drop: raised inside the drop's job, it is said once, not twice. */
    String problem() {
        return problem;
    }
}
