package org.fraudstats.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.fraudstats.storage.FraudstatsHome;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rule 5 of feeds.md: an account number leaves the CSV parser only as a keyed HMAC (to count distinct
 * accounts) and a masked form (to show). The key comes from FRAUDSTATS_ACCOUNT_KEY, else from
 * $FRAUDSTATS_HOME/account.key, generated once; every process that loads into one database needs the same key,
 * or one account would count twice.
 */
@Component
public class AccountNumbers {

    private final SecretKeySpec key;

    @org.springframework.beans.factory.annotation.Autowired
    public AccountNumbers(@Value("${fraudstats.account-key:}") String configuredKey, FraudstatsHome home) {
        this(configuredKey.isEmpty() ? keyFile(home.resolve("account.key")) : configuredKey.getBytes(StandardCharsets.UTF_8));
    }

    AccountNumbers(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    public byte[] hmac(String accountNo) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(accountNo.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** 6222********1234: first four and last four kept; short numbers keep less so most stays hidden. */
    public static String mask(String accountNo) {
        int n = accountNo.length();
        int keep = n >= 12 ? 4 : n >= 8 ? 2 : 0;
        if (keep == 0) {
            return "*".repeat(n);
        }
        return accountNo.substring(0, keep) + "*".repeat(n - 2 * keep) + accountNo.substring(n - keep);
    }

    private static byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path tmp = Files.createTempFile(file.getParent(), "account", ".key");
                Files.writeString(tmp, HexFormat.of().formatHex(fresh));
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: the folder's permissions protect it
                }
                try {
                    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    Files.deleteIfExists(tmp);
                }
            }
            return Files.readString(file).trim().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the account key " + file + ": " + e.getMessage(), e);
        }
    }
}
