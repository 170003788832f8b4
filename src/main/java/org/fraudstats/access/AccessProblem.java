package org.fraudstats.access;

/**
 * A change of users or tokens that cannot be made (unknown user, name taken, bad name); the message says why, in
 * English for the command line and in Chinese for the portal's pages (web.md: Chinese first).
 */
public class AccessProblem extends RuntimeException implements SaidInChinese {

    private final String chinese;

    public AccessProblem(String message) {
        this(message, message);
    }

    /**
     * What was typed names no user or token: on the command line a usage error, exit 2, as an unknown district is;
     * exit 1 told a script to try again a typo that could never succeed (tester).
     */
    public static class NoSuch extends AccessProblem {
        public NoSuch(String message, String chinese) {
            super(message, chinese);
        }
    }

    /** Both messages masked: they quote what was typed (no user 6222…, no token 6222…), shown on a page or a terminal. */
    public AccessProblem(String message, String chinese) {
        super(org.fraudstats.storage.DigitRuns.mask(message));
        this.chinese = org.fraudstats.storage.DigitRuns.mask(chinese);
    }

    /** The same reason as the pages say it. */
    @Override
    public String chinese() {
        return chinese;
    }
}
