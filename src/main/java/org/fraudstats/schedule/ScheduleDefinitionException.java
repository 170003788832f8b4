package org.fraudstats.schedule;

/** A schedule file that cannot be used; the message is one line naming the file and, when it is one, the key. */
class ScheduleDefinitionException extends RuntimeException {

    ScheduleDefinitionException(String source, String key, String problem) {
        super(source + ": " + (key == null ? "" : key + ": ") + problem);
    }
}
