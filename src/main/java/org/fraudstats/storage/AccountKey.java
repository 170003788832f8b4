package org.fraudstats.storage;

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

import org.fraudstats.settings.FraudstatsSettings;
import org.springframework.stereotype.Component;

/**
 * The deployment's one secret besides the database password: FRAUDSTATS_ACCOUNT_KEY, else $FRAUDSTATS_HOME/account.key,
 * generated once (owner-only). Every process that works on one database needs the same key: the loader hashes
 * account numbers with it (ingest), and the sign-in seals the TOTP keys with a key derived from it (access), so that a
 * copy of the database alone gives neither.
 */
@Component
public class AccountKey {

    private final byte[] material;
    private final String source;
    /** The file this process made, there being none, or null: a database that used a key before cannot take it. */
    private final Path madeNow;

    @org.springframework.beans.factory.annotation.Autowired
    AccountKey(FraudstatsSettings settings, FraudstatsHome home) {
        this(settings.accountKey().isEmpty() ? keyFile(home.resolve("account.key")) : new Made(settings.accountKey().getBytes(StandardCharsets.UTF_8), null),
                settings.accountKey().isEmpty() ? home.resolve("account.key").toString() : "FRAUDSTATS_ACCOUNT_KEY");
    }

    public AccountKey(byte[] material) {
        this(new Made(material, null), "FRAUDSTATS_ACCOUNT_KEY");
    }

    private AccountKey(Made key, String source) {
        this.material = key.material().clone();
        this.madeNow = key.madeNow();
        this.source = source;
    }

    /** A key read, and the file made for it when there was none. */
    record Made(byte[] material, Path madeNow) {
    }

    /** Whether this process made the key's file, there being none (a new home, or one restored without it). */
    public boolean madeNow() {
        return madeNow != null;
    }

    /**
     * Takes back the file this process made, when the database refused its key: left, the next command would find a
     * key file there and take it for the home's own (r37e).
     */
    public void unmake() {
        if (madeNow != null) {
            try {
                if (java.util.Arrays.equals(Files.readString(madeNow).trim().getBytes(StandardCharsets.UTF_8), material)) {
                    Files.deleteIfExists(madeNow);
                }
            } catch (IOException e) {
                // said by the refusal, which names the file to replace
            }
        }
    }

    /** Where the key came from, as a message names it: the file's path, or FRAUDSTATS_ACCOUNT_KEY. */
    public String source() {
        return source;
    }

    /** The key itself, for the account numbers' HMAC. */
    public byte[] material() {
        return material.clone();
    }

    /**
     * The key's fingerprint, which the database keeps ({@link AccountKeyCheck}): an HMAC of a fixed text, which tells
     * two keys apart and gives nothing of either, nor of any account's hash.
     */
    public String fingerprint() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(material, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal("fraudstats account key fingerprint".getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * A 256-bit key for one purpose, HMAC-SHA256 under the account key of a message no account number can be: it
     * starts with the byte 0xFF, which valid UTF-8 never holds, and every account_no is hashed as the UTF-8 of text
     * (ingest refuses a file that is not UTF-8). As the purpose's name alone, a freeze whose account_no was that name
     * would have stored the derived key as its account_hmac (review). Knowing one derived key gives neither the
     * account key nor another purpose's.
     */
    public byte[] derived(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(material, "HmacSHA256"));
            mac.update((byte) 0xFF);
            return mac.doFinal(("fraudstats derived key: " + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * The key of the file, made when there is none. Two processes starting together on a new home (serve and the first
     * cron nightly) both find no file: the one that publishes second must fail and read the first one's key, never
     * replace it. A rename does replace (rename(2) over an existing file succeeds, so both "won" and one ran with a key
     * the file no longer held, which the database then refused to every later process: review); a hard link does not.
     */
    static Made keyFile(Path file) {
        try {
            boolean made = false;
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path tmp = Files.createTempFile(file.getParent(), "account", ".key");
                try {
                    // on the disk before its name is: a power cut after the link left an empty account.key (review)
                    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                        channel.write(java.nio.ByteBuffer.wrap(HexFormat.of().formatHex(fresh).getBytes(StandardCharsets.US_ASCII)));
                        channel.force(true);
                    }
                    try {
                        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException ignored) {
                        // not a POSIX file system: the folder's permissions protect it
                    }
                    made = publish(tmp, file);
                    // the name on the disk too, before any row is hashed with the key it gives
                    DurableFiles.syncFolder(file.getParent());
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            return new Made(Files.readString(file).trim().getBytes(StandardCharsets.UTF_8), made ? file : null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the account key " + file + ": " + e.getMessage(), e);
        }
    }

    /** The written key under its name, unless another process's is there already (then that one stays, and is read). */
    /** @return whether this process's key is the one published (false: another process's was there first) */
    private static boolean publish(Path tmp, Path file) throws IOException {
        try {
            Files.createLink(file, tmp);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            return false; // the other process's key is the home's
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException noLinks) {
            // a file system without hard links: a move that refuses an existing name (a window of a few instructions
            // between its check and its rename, where the link had none)
            try {
                Files.move(tmp, file);
                return true;
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                return false; // the other process's key is the home's
            }
        }
    }
}
