package org.fraudstats.storage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed job execution's recorded trace says, in one line: Spring Batch keeps only the traces (exit messages) of
 * an execution read back from its repository, and the line a user acts on is in the middle of one. For the runs page,
 * `history` and /api/v1/runs alike.
 */
public final class TraceLine {

    /** The first line of a trace: an exception's qualified name (group 1 its simple name), then its message (2). */
    private static final Pattern THROWN = Pattern.compile("(?:[a-z_][\\w$]*\\.)+([A-Z][\\w$]*)(?:: (.*))?");

    /** What an execution marked failed with no trace at all is: one whose process ended before it did. */
    public static final String NO_TRACE = "ended without finishing (its process stopped before it did)";

    private TraceLine() {
    }

    /**
     * Why a failed execution failed as `history` and /api/v1/runs show it (history.sql's failure_trace; null of one that
     * did not fail): one line, masked, since a stored line may quote a value.
     */
    public static String shown(String failureTrace) {
        return failureTrace == null ? null : DigitRuns.mask(ofFailure(failureTrace));
    }

    /** Why a failed execution failed, from its recorded trace (history.sql's failure_trace): one line, never null. */
    public static String ofFailure(String trace) {
        String line = of(trace);
        return line == null ? NO_TRACE : line;
    }

    /**
     * The line of a recorded trace that says what happened: the first line's message when it is one of ours; else the
     * database server's message when there is one (the first line of a failed statement's exception is the statement),
     * else the first line's message, or the name of its exception when it has none; null for no trace.
     */
    public static String of(String trace) {
        if (trace == null || trace.isBlank()) {
            return null;
        }
        String first = trace.strip().lines().findFirst().orElseThrow();
        Matcher ours = THROWN.matcher(first);
        if (first.startsWith("org.fraudstats.") && ours.matches() && ours.group(2) != null && !ours.group(2).isBlank()) {
            // our own line, which says the file and the problem as the command did, its values masked by the loader: the
            // server's line its cause may hold further down quotes values unmasked (review 30b)
            return ours.group(2).strip();
        }
        for (String line : trace.lines().toList()) {
            int server = line.indexOf("ERROR: ");
            if (server >= 0 && line.length() > server + 7) {
                return line.substring(server + 7).strip();
            }
        }
        Matcher thrown = THROWN.matcher(first);
        if (!thrown.matches()) {
            return first;
        }
        return thrown.group(2) == null || thrown.group(2).isBlank() ? thrown.group(1) : thrown.group(2).strip();
    }
}
