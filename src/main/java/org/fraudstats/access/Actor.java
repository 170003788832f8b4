package org.fraudstats.access;

import org.fraudstats.storage.DigitRuns;

/**
 * Who makes a change, for the audit log: a signed-in user of the portal, or the operating-system user at the
 * command line (client {@code cli}, no role: whoever has a shell on the server runs the CLI).
 */
public record Actor(String user, String role, String client) {

    public static Actor commandLine() {
        return new Actor(System.getProperty("user.name", ""), "",
                commandLineClient(System.getenv("SUDO_USER"), System.getenv("SSH_CONNECTION")));
    }

    /**
     * "cli", with the person behind a shared account when the shell says: every command an operator ran through sudo
     * was recorded as root alone, so an auditor could not tell two people apart, nor an administrator at the server's
     * shell from its operator (tester). "cli (sudo from li.na, ssh from 10.20.1.7)". What a shell says of itself is
     * only as true as the shell: it names, it does not prove.
     */
    static String commandLineClient(String sudoUser, String sshConnection) {
        java.util.List<String> from = new java.util.ArrayList<>();
        if (sudoUser != null && !sudoUser.isBlank()) {
            // the variable is the shell's to set: cut as long as a user name may be, and digit runs masked as in every
            // other field of the log (a 19-digit run was shown in clear on /audit: re-tester)
            String name = sudoUser.strip();
            String masked = DigitRuns.mask(name);
            from.add("sudo from " + (masked.length() > 64 ? masked.substring(0, 64) + "…" : masked));
        }
        if (sshConnection != null && !sshConnection.isBlank()) {
            // an address, or nothing of it: "999.1.1.1;rm" is no address
            String address = sshConnection.strip().split("\\s+")[0];
            from.add("ssh from " + (address.matches("[0-9A-Fa-f:.]{2,45}") ? address : "?"));
        }
        return from.isEmpty() ? "cli" : "cli (" + String.join(", ", from) + ")";
    }

    public static Actor of(UserAccount user, String client) {
        return new Actor(user.name(), user.role().code(), client);
    }
}
