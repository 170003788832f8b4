package org.fraudstats.access;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are kept only as a slow adaptive hash: Spring Security's delegating encoder, bcrypt today. Its
 * {id} prefix names the algorithm of each stored hash, so a later default can be adopted without resetting anyone.
 */
final class PasswordHashes {

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    /** Compared against when the user does not exist, so an unknown name takes as long as a wrong password. */
    private static final String DECOY = ENCODER.encode("decoy-password-never-valid");

    private PasswordHashes() {
    }

    static String hash(String password) {
        return ENCODER.encode(password);
    }

    static boolean matches(String password, String hash) {
        return password != null && ENCODER.matches(password, hash);
    }

    static void spendTimeOfOneCheck(String password) {
        ENCODER.matches(password == null ? "" : password, DECOY);
    }
}
