package org.fraudstats.audit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What an auditor should look at twice: a user's own acts from the address an administrator added the user, or reset
 * their password or TOTP key, from, within a day after. An administrator is shown the new password and can sign in as the user,
 * choose the next password and make a token (a re-tester did it in a minute, the token then recorded as the user's
 * own); it cannot be prevented by a reset that shows the password, so it is made visible. Fed every event of the log
 * oldest first, as it is read, from a day before the events shown (the page does so); a reset before that is not known. The same address may be an office's
 * proxy, so it is a hint, not a finding.
 */
public final class AfterAReset {

    private static final Duration WITHIN = Duration.ofDays(1);

    private final Map<String, AuditRecord> resets = new HashMap<>();

    /** Whether this event is such an act; remembers the resets it sees. */
    public boolean flags(AuditRecord r) {
        // a user the administrator added on the portal too: the first password was theirs, chosen or shown (review)
        if ("admin".equals(r.role()) && ("user-password".equals(r.action()) || "user-totp".equals(r.action()) || "user-add".equals(r.action()))
                // "success: lock … lifted" of a first key too (review 31)
                && r.result() != null && r.result().startsWith("success") && r.object() != null) {
            String user = r.object().replaceFirst(" \\([a-z]+\\)$", "").strip().toLowerCase(Locale.ROOT);
            // an administrator's change of their own password (at /account, the current one typed) is no reset of
            // someone else's: their own later acts, and names typed in another case, were marked (r37b)
            if (!user.equals(r.user() == null ? null : r.user().strip().toLowerCase(Locale.ROOT))) {
                resets.put(user, r);
            }
            return false;
        }
        AuditRecord reset = r.user() == null ? null : resets.get(r.user().strip().toLowerCase(Locale.ROOT));
        return reset != null && !"admin".equals(r.role()) && address(reset.client()).equals(address(r.client()))
                && !r.time().isBefore(reset.time()) && r.time().isBefore(reset.time().plus(WITHIN));
    }

    /**
     * The address of a client column: "10.1.2.3 token 7" is 10.1.2.3's, and so are "10.1.2.3:5555" and "[::1]:443" ::1's,
     * the port a proxy may add being another connection from the same machine (review 31d).
     */
    private static String address(String client) {
        return client == null ? "" : client.strip().replaceFirst(" token \\d+$", "")
                .replaceFirst("^\\[(.*)](:\\d+)?$", "$1").replaceFirst("^(\\d+\\.\\d+\\.\\d+\\.\\d+):\\d+$", "$1");
    }
}
