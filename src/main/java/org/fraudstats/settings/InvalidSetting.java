package org.fraudstats.settings;

/** A setting the application cannot start with; the message names the key, so the CLI prints it as it is. */
public class InvalidSetting extends IllegalArgumentException {

    public InvalidSetting(String key, String problem) {
        super("setting " + key + " " + problem);
    }

    private InvalidSetting(String message) {
        super(message);
    }

    /** A problem of the deployment's settings file itself, named by its path: "/srv/fraudstats/fraudstats.yml: line 3, …". */
    static InvalidSetting ofFile(java.nio.file.Path file, String problem) {
        return new InvalidSetting(file + ": " + problem);
    }
}
