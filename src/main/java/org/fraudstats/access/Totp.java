package org.fraudstats.access;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 6 digits, 30-second steps, the
 * parameters every authenticator app assumes. Thirty lines of javax.crypto, so no library. Public so tests and
 * the browser test can compute the code an app would show.
 */
public final class Totp {

    static final int STEP_SECONDS = 30;
    private static final int DIGITS = 6;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A new 160-bit key (RFC 4226 §4 recommends the HMAC's output length), in base32 as the apps want it. */
    static String newSecret() {
        byte[] key = new byte[20];
        RANDOM.nextBytes(key);
        return base32(key);
    }

    static long step(Instant when) {
        return Math.floorDiv(when.getEpochSecond(), STEP_SECONDS);
    }

    /** The 6-digit code of a step, with its leading zeros. */
    public static String code(String base32Secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(unbase32(base32Secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            // ASCII digits whatever the locale: under ar_SA "%06d" gave Arabic-Indic ones, and no code matched
            return String.format(java.util.Locale.ROOT, "%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    /** The code an authenticator app shows at {@code when}. */
    public static String code(String base32Secret, Instant when) {
        return code(base32Secret, step(when));
    }

    /** The key of an otpauth:// URI (what `user totp` prints), for tests that play the authenticator app. */
    public static String secretOf(String otpauthUri) {
        return otpauthUri.replaceFirst(".*[?&]secret=([A-Z2-7]+).*", "$1");
    }

    /** The key in Google Authenticator's key-URI format, which every authenticator app reads. */
    static String uri(String user, String secret) {
        String issuer = "fraudstats";
        return "otpauth://totp/" + encode(issuer) + ":" + encode(user) + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    /**
     * The step whose code {@code code} is, among the step of {@code now} and one on either side (a phone's clock
     * may be off by a few seconds), or -1.
     */
    static long matchingStep(String secret, String code, Instant now) {
        if (code == null || !code.strip().matches("\\d{" + DIGITS + "}")) {
            return -1;
        }
        long current = step(now);
        for (long s = current - 1; s <= current + 1; s++) {
            if (java.security.MessageDigest.isEqual(code(secret, s).getBytes(StandardCharsets.US_ASCII),
                    code.strip().getBytes(StandardCharsets.US_ASCII))) {
                return s;
            }
        }
        return -1;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    static byte[] unbase32(String text) {
        ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : text.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not base32: " + c);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
