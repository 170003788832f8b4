package org.fraudstats.web.portal;

/**
 * A request the user can correct (a bad date, an unknown district, …): 400 with this one line (web.md). The API
 * answers the English line, as its other errors; a page shows the Chinese one when there is one, since the pages
 * are Chinese first.
 */
public class BadInput extends RuntimeException {

    private final String chinese;

    public BadInput(String message) {
        this(message, null);
    }

    public BadInput(String english, String chinese) {
        super(english);
        this.chinese = chinese;
    }

    /** The line a page shows: the Chinese one, or the English one where none was written. */
    public String chinese() {
        return chinese != null ? chinese : getMessage();
    }
}
