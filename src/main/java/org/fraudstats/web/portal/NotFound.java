package org.fraudstats.web.portal;

/**
 * No such bulletin, file or rerun: 404 with this one line. As with BadInput, the API answers the English line and a
 * page shows the Chinese one when there is one.
 */
public class NotFound extends RuntimeException {

    private final String chinese;

    public NotFound(String message) {
        this(message, null);
    }

    public NotFound(String english, String chinese) {
        super(english);
        this.chinese = chinese;
    }

    /** The line a page shows: the Chinese one, or the English one where none was written. */
    public String chinese() {
        return chinese != null ? chinese : getMessage();
    }
}
