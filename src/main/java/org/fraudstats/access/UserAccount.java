package org.fraudstats.access;

import java.time.OffsetDateTime;

/**
 * A user as the rest of fraudstats sees one: never the password hash or the TOTP key.
 *
 * @param totpEnrolled whether `user totp` gave the user a key
 * @param totpConfirmed whether a first code was accepted with it (until then the sign-in page shows the QR code)
 * @param lockedUntil end of the lock after 5 failed sign-ins in a row, or null
 */
public record UserAccount(String name, Role role, boolean enabled, boolean totpEnrolled, boolean totpConfirmed,
        OffsetDateTime lockedUntil, OffsetDateTime createdAt) {

    /** web.md: administrators and auditors sign in with a TOTP code as well as their password. */
    public boolean needsTotp() {
        return role == Role.ADMIN || role == Role.AUDITOR || totpEnrolled;
    }
}
