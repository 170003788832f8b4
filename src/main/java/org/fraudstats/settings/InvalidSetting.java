package org.fraudstats.settings;

/** A setting the application cannot start with; the message names the key, so the CLI prints it as it is. */
public class InvalidSetting extends IllegalArgumentException {

    public InvalidSetting(String key, String problem) {
        super("setting " + key + " " + problem);
    }
}
