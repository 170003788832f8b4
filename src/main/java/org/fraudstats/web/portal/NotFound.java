package org.fraudstats.web.portal;

/** No such bulletin, file or rerun: 404 with this one line. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
