package org.fraudstats.ingest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.fraudstats.storage.AccountKey;
import org.fraudstats.storage.DigitRuns;
import org.springframework.stereotype.Component;

/**
 * Rule 5 of feeds.md: an account number leaves the CSV parser only as a keyed HMAC (to count distinct
 * accounts) and a masked form (to show), under the deployment's {@link AccountKey}: every process that loads into
 * one database needs the same key, or one account would count twice.
 */
@Component
class AccountNumbers {

    private final SecretKeySpec key;
    /** One keyed Mac per thread: rows are checked on every core, and Mac.getInstance per row was a visible cost. */
    private final ThreadLocal<Mac> macs;

    @org.springframework.beans.factory.annotation.Autowired
    public AccountNumbers(AccountKey key) {
        this(key.material());
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
     * Every run of 12 or more digits in a value that is not an account_no field (a rejected row's values, whose
     * fields may be shifted; free text such as station or bank) is shown by its last four digits only, separators
     * kept: X***************6555. Nothing tells such a run from an account number, so none is shown in clear. The
     * rule is storage's {@link DigitRuns}, the one the audit log and the portal use too.
     */
    public static String maskDigitRuns(String value) {
        return DigitRuns.mask(value);
    }

    /** A value of an id column: shown whole when it is shaped as the case system's ids, else masked (storage's rule). */
    public static String maskId(String value) {
        return DigitRuns.maskId(value);
    }

    /**
     * A value of a rejected row as a listing may show it, by its column: an account_no masked as one, an id whole when
     * shaped as the case system's, anything else with its digit runs masked (its fields may be shifted). One rule for
     * the loader, which stores the rows so, and the listing, which masks them again on the way out.
     */
    static String maskByColumn(String column, String value) {
        if (column.equals("account_no") || !idColumn(column) && SHORT_NUMBER.matcher(value).matches()
                && !COMPACT_DATE.matcher(value.strip()).matches()) {
            return mask(value.strip());
        }
        return idColumn(column) ? maskId(value) : maskDigitRuns(value);
    }

    /** A date written without dashes (20221010 for a timestamp): shown, the station needs it to mend the row (review r35e). */
    private static final java.util.regex.Pattern COMPACT_DATE = java.util.regex.Pattern.compile(
            "(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])");

    /**
     * A field of eight to eleven digits and nothing else, which a shifted row may have taken from its account_no: masked
     * as an account_no of that length is (its last two), or a rejected freeze showed the first eleven digits of its
     * account in the amount (refused as too large: "an account number in this column?") beside the last four in
     * account_no (leak tester r35c). An amount of ten million yuan or more without its cents, in a rejected row, shows
     * so too: the safe side.
     */
    private static final java.util.regex.Pattern SHORT_NUMBER = java.util.regex.Pattern.compile("\\s*\\p{Nd}{8,11}\\s*");

    /** Whether a column holds ids: the feed's own id column or case_id. */
    static boolean idColumn(String column) {
        return column.endsWith("_id");
    }
}
