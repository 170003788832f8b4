package org.fraudstats.web.portal;

/** No such bulletin, file or rerun: 404 with this one line. */
public class NotFound extends SaidInBoth {

    public NotFound(String message) {
        this(message, null);
    }

    public NotFound(String english, String chinese) {
        super(english, chinese);
    }
}
