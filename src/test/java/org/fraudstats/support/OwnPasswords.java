package org.fraudstats.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Marks a test user's password as one the user chose: a password set by `user add` must otherwise be changed at the
 * first sign-in (V30), and tests of other things sign in straight to their pages. WebSecurityTest walks that step.
 */
public final class OwnPasswords {

    private OwnPasswords() {
    }

    public static void keptByTheirUser(JdbcTemplate jdbc, String name) {
        jdbc.update("UPDATE app_user SET password_change_required = false WHERE name = ?", name);
    }
}
