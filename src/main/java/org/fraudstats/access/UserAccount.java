package org.fraudstats.access;

import java.time.OffsetDateTime;

/**
 * A user as the rest of fraudstats sees one: never the password hash or the TOTP key.
 *
 * @param totpEnrolled whether `user totp` gave the user a key
 * @param totpConfirmed whether a first code was accepted with it (until then the sign-in page shows the QR code)
 * @param lockedUntil end of the lock after 5 failed sign-ins in a row, or null
 * @param passwordChangeDue whether the user must change their password before anything else: someone else set it
 *                          (an initial or reset password), or it is {@value #PASSWORD_MAX_DAYS} days old
 * @param lastSignedInAt when a sign-in of the user last succeeded, or null: never
 */
public record UserAccount(String name, Role role, boolean enabled, boolean totpEnrolled, boolean totpConfirmed,
        OffsetDateTime lockedUntil, OffsetDateTime createdAt, boolean passwordChangeDue, OffsetDateTime lastSignedInAt) {

    /** How long a password is kept before its user is asked for a new one (the SQL of access/ says 90 days too). */
    public static final int PASSWORD_MAX_DAYS = 90;

    /** web.md: administrators and auditors sign in with a TOTP code as well as their password. */
    public boolean needsTotp() {
        return role == Role.ADMIN || role == Role.AUDITOR || totpEnrolled;
    }
}
