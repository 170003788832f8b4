package org.fraudstats.web.portal;

/**
 * A refusal the user can act on, written twice: the API answers the English line, as its other errors; a page shows
 * the Chinese one when there is one, since the pages are Chinese first.
 */
public abstract class SaidInBoth extends RuntimeException {

    private final String chinese;

    protected SaidInBoth(String english, String chinese) {
        super(english);
        this.chinese = chinese;
    }

    /** The line a page shows: the Chinese one, or the English one where none was written. */
    public String chinese() {
        return chinese != null ? chinese : getMessage();
    }
}
