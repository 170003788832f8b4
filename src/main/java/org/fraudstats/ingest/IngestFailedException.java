package org.fraudstats.ingest;

/** A drop could not be loaded; nothing of it was (rule 6 of feeds.md). */
public class IngestFailedException extends RuntimeException {

    private final String problem;
    private final boolean theFiles;

    public IngestFailedException(Drop drop, String problem, Throwable cause) {
        this(drop, problem, "", cause, false);
    }

    private IngestFailedException(Drop drop, String problem, String afterword, Throwable cause, boolean theFiles) {
        super("drop " + drop.date() + " not loaded: " + problem + afterword, cause);
        this.problem = problem;
        this.theFiles = theFiles;
    }

    /** A failure a record of the files causes (one of an archived month): mending the files mends it. */
    static IngestFailedException ofARecord(Drop drop, String problem) {
        return new IngestFailedException(drop, problem, "", null, true);
    }

    /**
     * Whether the drop's files are what failed it: one unreadable (rule 6) or a record of it, not the database, the
     * disk or a file written meanwhile, of which "mend these files" would send an operator to the wrong place (a full
     * database disk had them move a good correction aside: review 30).
     */
    boolean causedByTheFiles() {
        for (Throwable t = this; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnreadableFileException || t instanceof IngestFailedException failed && failed.theFiles) {
                return true;
            }
        }
        return false;
    }

    /**
     * This failure of a new version of a day loaded before, said with what the figures keep and how to go on: the
     * drops after it wait (ingest stops at the first that fails), and a statistician who put the loaded version back
     * in another folder was told "unchanged" while the inbox's broken one went on blocking every night (retester).
     */
    IngestFailedException keeping(Drop drop, long loadedBy) {
        IngestFailedException said = new IngestFailedException(drop, problem, "; " + drop.date() + " keeps the version loaded by job execution "
                + loadedBy + " and the drops after it wait: mend these files, move " + drop.folder() + " out of the inbox to keep that version, "
                + "or load a mended copy from another folder (ingest --inbox DIR)",
                getCause(), theFiles);
        said.setStackTrace(getStackTrace());
        return said;
    }

    /** What went wrong, without the drop: raised inside the drop's job, it is said once, not twice. */
    String problem() {
        return problem;
    }
}
