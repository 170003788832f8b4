package org.fraudstats.storage;

import java.nio.file.Path;

/**
 * PostgreSQL's pg_ctl starts the server through /bin/sh with its folders in double quotes, where ", $, ` and \ still
 * mean something: a home named /srv/c-dol$x could not start its database, and the one line said "Examine the log
 * output" of a log never written; a backtick ran the rest of the name as a command (r42a). Such a folder is refused
 * in one line. Spaces, single quotes and Chinese are fine.
 */
final class ShellSafePath {

    private static final String UNSAFE = "\"$`\\";

    private ShellSafePath() {
    }

    /** @param what what the folder is, as the user set it: "the home", "the cache" */
    static void require(Path folder, String what) {
        String path = folder.toAbsolutePath().toString();
        for (char c : path.toCharArray()) {
            if (UNSAFE.indexOf(c) >= 0) {
                throw new DatabaseUnavailable(what + " " + path + " cannot hold the embedded PostgreSQL: its path holds " + c
                        + ", which PostgreSQL's pg_ctl hands to a shell; choose a folder whose path has none of \" $ ` \\");
            }
        }
    }
}
