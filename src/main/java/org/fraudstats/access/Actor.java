package org.fraudstats.access;

/**
 * Who makes a change, for the audit log: a signed-in user of the portal, or the operating-system user at the
 * command line (client {@code cli}, no role: whoever has a shell on the server runs the CLI).
 */
public record Actor(String user, String role, String client) {

    public static Actor commandLine() {
        return new Actor(System.getProperty("user.name", ""), "", "cli");
    }

    public static Actor of(UserAccount user, String client) {
        return new Actor(user.name(), user.role().code(), client);
    }
}
