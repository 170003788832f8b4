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
    /** The home's key file, or null for a key given in FRAUDSTATS_ACCOUNT_KEY. */
    private final Path file;

    @org.springframework.beans.factory.annotation.Autowired
    AccountKey(FraudstatsSettings settings, FraudstatsHome home) {
        this(settings.accountKey().isEmpty() ? keyFile(home.resolve("account.key")) : new Made(settings.accountKey().getBytes(StandardCharsets.UTF_8), null),
                settings.accountKey().isEmpty() ? home.resolve("account.key").toString() : "FRAUDSTATS_ACCOUNT_KEY",
                settings.accountKey().isEmpty() ? home.resolve("account.key") : null);
    }

    public AccountKey(byte[] material) {
        this(new Made(material, null), "FRAUDSTATS_ACCOUNT_KEY", null);
    }

    private AccountKey(Made key, String source, Path file) {
        this.material = key.material().clone();
        this.source = source;
        this.file = file;
    }

    /** A key read, and the file made for it when there was none. */
    record Made(byte[] material, Path madeNow) {
    }

    /**
     * The file beside the key that says it was made in this home and no database has taken it yet: a key made when
     * there was none (a new home, or one restored or upgraded without its account.key) cannot be the key of a database
     * that hashed account numbers before. Made before the key, removed by the first check a database passes
     * ({@link AccountKeyCheck}): a command that checks nothing (metrics) made the key too, and the next load took it
     * (r37e).
     */
    static Path unconfirmed(Path file) {
        return file.resolveSibling(file.getFileName() + ".unconfirmed");
    }

    /** Whether the key is the home's file, made there and not yet taken by a database. */
    public boolean unconfirmed() {
        return file != null && Files.exists(unconfirmed(file));
    }

    /** A database has taken the key: the file is the home's key from now on. */
    public void confirmed() {
        if (unconfirmed()) {
            try {
                Files.deleteIfExists(unconfirmed(file));
                DurableFiles.syncFolder(file.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + unconfirmed(file) + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Takes back the key file made in this home, which a database refused: left, the next command would find a key
     * file there and take it for the home's own (r37e).
     */
    public void unmake() {
        if (unconfirmed()) {
            try {
                if (java.util.Arrays.equals(Files.readString(file).trim().getBytes(StandardCharsets.UTF_8), material)) {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(unconfirmed(file));
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
                // said unconfirmed before there is a key to take: a crash between the two leaves the mark alone
                Files.write(unconfirmed(file), new byte[0]);
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

    /**
     * The written key under its name, unless another process's is there already (then that one stays, and is read).
     *
     * @return whether this process's key is the one published (false: another process's was there first)
     */
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
