package org.fraudstats.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.fraudstats.storage.AccountKey;
import org.fraudstats.storage.AccountKeyCheck;
import org.springframework.stereotype.Component;

/**
 * The TOTP keys as app_user keeps them: sealed with AES-256-GCM under a key derived from the deployment's
 * {@link AccountKey}, so that whoever reads the table (a backup, a dump, the application role's password) cannot
 * compute an administrator's or auditor's codes: the second factor is only a factor while its key stays secret
 * (MLPS tester: the keys were in clear). The user's name is the sealing's associated data, so a sealed key copied
 * into another user's row opens for nobody. A key enrolled before this sealing is read as it is, and sealed at its
 * user's next accepted code ({@link #sealed}).
 */
@Component
class TotpKeys {

    static final String PREFIX = "sealed1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final AccountKeyCheck accountKeyCheck;
    /** Where this process's key came from, named when a sealed key does not open under it. */
    private final String keySource;
    /** Set once this process's account key was found to be the database's: checked before the first sealing only. */
    private volatile boolean keyConfirmed;

    TotpKeys(AccountKey accountKey, AccountKeyCheck accountKeyCheck) {
        this.key = new SecretKeySpec(accountKey.derived("totp keys"), "AES");
        this.accountKeyCheck = accountKeyCheck;
        this.keySource = accountKey.source();
    }

    /**
     * @throws org.fraudstats.storage.WrongAccountKey before sealing anything under a key other than the database's: a
     *         `user totp` on a home restored without its account.key sealed the new key where `serve`, given the key
     *         back, could not open it
     */
    String seal(String user, String base32Secret) {
        if (!keyConfirmed) {
            accountKeyCheck.check("no TOTP key was sealed");
            keyConfirmed = true;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, user, iv);
            byte[] sealed = cipher.doFinal(base32Secret.getBytes(StandardCharsets.US_ASCII));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The base32 key of a stored value, sealed or (enrolled before the sealing) in clear. */
    String open(String user, String stored) {
        if (!sealed(stored)) {
            return stored;
        }
        byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            byte[] iv = java.util.Arrays.copyOf(in, IV_BYTES);
            return new String(cipher(Cipher.DECRYPT_MODE, user, iv).doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (AEADBadTagException e) {
            // the key's source named, as the loader's WrongAccountKey does: "HOME/account.key or …" left the reader to guess
            throw new Unreadable("the TOTP key of " + user + " was sealed under another account key than this one (" + keySource
                    + "): put back this database's key, or enrol the user again with `user totp " + user + "`");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** A sealed key that the account key at hand does not open: the deployment's fault, not the user's. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    static boolean sealed(String stored) {
        return stored.startsWith(PREFIX);
    }

    private Cipher cipher(int mode, String user, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(user.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
