package org.fraudstats.web.portal;

/** A request the user can correct (a bad date, an unknown district, …): 400 with this one line (web.md). */
public class BadInput extends SaidInBoth {

    public BadInput(String message) {
        this(message, null);
    }

    public BadInput(String english, String chinese) {
        super(english, chinese);
    }
}
