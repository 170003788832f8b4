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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.fraudstats.settings.FraudstatsSettings;
import org.fraudstats.storage.FraudstatsHome;
import org.springframework.stereotype.Component;

/**
 * Rule 5 of feeds.md: an account number leaves the CSV parser only as a keyed HMAC (to count distinct
 * accounts) and a masked form (to show). The key comes from FRAUDSTATS_ACCOUNT_KEY, else from
 * $FRAUDSTATS_HOME/account.key, generated once; every process that loads into one database needs the same key,
 * or one account would count twice.
 */
@Component
class AccountNumbers {

    private final SecretKeySpec key;
    /** One keyed Mac per thread: rows are checked on every core, and Mac.getInstance per row was a visible cost. */
    private final ThreadLocal<Mac> macs;

    @org.springframework.beans.factory.annotation.Autowired
    public AccountNumbers(FraudstatsSettings settings, FraudstatsHome home) {
        this(settings.accountKey().isEmpty() ? keyFile(home.resolve("account.key")) : settings.accountKey().getBytes(StandardCharsets.UTF_8));
    }

    AccountNumbers(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public byte[] hmac(String accountNo) {
        // doFinal leaves the Mac reset, with its key, for the next number
        return macs.get().doFinal(accountNo.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * The masked form of an account_no value. From 16 characters on (bank cards have 16-19 digits) it is the
     * contract's form, 6222********1234: the first four name the bank and at least eight stay hidden. A shorter
     * number keeps only its last four (12-15), last two (8-11) or nothing, so that never fewer than six characters
     * are hidden: 6222****1234 would leave only four digits to guess.
     */
    public static String mask(String accountNo) {
        int n = accountNo.length();
        if (n >= 16) {
            return accountNo.substring(0, 4) + "*".repeat(n - 8) + accountNo.substring(n - 4);
        }
        int keep = n >= 12 ? 4 : n >= 8 ? 2 : 0;
        return "*".repeat(n - keep) + accountNo.substring(n - keep);
    }

    /**
     * Twelve or more digits in a row, possibly grouped as people write account numbers (four groups of four digits),
     * with any letters around them (an X before nineteen digits). Any Unicode decimal digit counts: a number typed in
     * full-width digits is still a number. Between two digits may stand up to three separators: spaces of any kind
     * (a doubled space, NBSP and the ideographic space of text pasted from a page or typed in Chinese), dashes, '.',
     * '/' and '_', full-width ones too; with single spaces and hyphens alone, 6222.0200.1234.5678 was shown in clear.
     * A '.' before one or two last digits is a decimal point, not a separator: an amount shows whole up to
     * 9999999999.99. Phone numbers (11 digits), dates and times (':' is no separator) stay below twelve digits and
     * show. The quantifier is possessive: separators are never digits, so giving some back never makes a match.
     */
    private static final Pattern DIGIT_RUN = Pattern.compile(
            "\\p{Nd}(?:(?:[\\p{Zs}\\t\\p{Pd}_/\uFF0F\uFF3F]|[.\uFF0E](?!\\p{Nd}{1,2}+(?!\\p{Nd}))){0,3}+\\p{Nd}){11,}");

    /**
     * Every run of 12 or more digits in a value that is not an account_no field (a rejected row's values, whose
     * fields may be shifted; free text such as station or bank) is shown by its last four digits only, separators
     * kept: X***************6555. Nothing tells such a run from an account number, so none is shown in clear.
     */
    public static String maskDigitRuns(String value) {
        if (fewerDigitsThanARun(value)) {
            return value;
        }
        Matcher run = DIGIT_RUN.matcher(value);
        if (!run.find()) {
            return value;
        }
        StringBuilder masked = new StringBuilder(value);
        do {
            int digits = 0;
            for (int i = run.start(); i < run.end(); i += Character.charCount(value.codePointAt(i))) {
                digits += Character.isDigit(value.codePointAt(i)) ? 1 : 0;
            }
            for (int i = run.start(), seen = 0; i < run.end(); ) {
                int c = value.codePointAt(i);
                int width = Character.charCount(c);
                if (Character.isDigit(c) && ++seen <= digits - 4) {
                    for (int k = 0; k < width; k++) {
                        masked.setCharAt(i + k, '*');
                    }
                }
                i += width;
            }
        } while (run.find());
        return masked.toString();
    }

    /** Whether the value holds fewer than 12 digits in all: then no run can be there, and the regex need not run. */
    private static boolean fewerDigitsThanARun(String value) {
        if (value.length() < 12) {
            return true;
        }
        int digits = 0;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (Character.isDigit(c) && ++digits >= 12) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
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
