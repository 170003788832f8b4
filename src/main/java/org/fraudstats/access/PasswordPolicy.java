package org.fraudstats.access;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * web.md's rule for passwords: at least 12 characters and three of upper case, lower case, digit and other; at most
 * 72 bytes in UTF-8, all that bcrypt hashes.
 * Passwords fraudstats makes itself are longer and use all four.
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    /** bcrypt reads no more than 72 bytes, and Spring Security's refuses a longer password rather than cut it. */
    static final int MAX_UTF8_BYTES = 72;
    private static final int GENERATED_LENGTH = 20;
    /** No 0/O, 1/l/I: a generated password is read off a terminal and typed again. */
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String OTHER = "-_.!@#%+=";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    /** {@link #check(String)}, and the password does not hold its user's name (wang.ling's Wang.ling2026!). */
    public static void check(String name, String password) {
        check(password);
        if (name != null && name.length() >= 3
                && password.toLowerCase(java.util.Locale.ROOT).contains(name.toLowerCase(java.util.Locale.ROOT))) {
            throw new WeakPassword("password too weak: it holds the user name", "密码太弱：不能包含用户名");
        }
    }

    /** @throws WeakPassword with a one-line message saying what is missing, or that it is too long */
    public static void check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new WeakPassword("password too short: at least " + MIN_LENGTH + " characters and three of upper case, "
                    + "lower case, digit, other", "密码太短：至少 " + MIN_LENGTH + " 个字符，并含大写字母、小写字母、数字、其他符号中的三类");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            throw new WeakPassword("password too long: at most " + MAX_UTF8_BYTES + " bytes in UTF-8 (" + MAX_UTF8_BYTES
                    + " ASCII characters or " + MAX_UTF8_BYTES / 3 + " Chinese characters)",
                    "密码太长：UTF-8 编码最多 " + MAX_UTF8_BYTES + " 字节（" + MAX_UTF8_BYTES + " 个英文字符或 " + MAX_UTF8_BYTES / 3 + " 个汉字）");
        }
        int kinds = 0;
        kinds += password.codePoints().anyMatch(Character::isUpperCase) ? 1 : 0;
        kinds += password.codePoints().anyMatch(Character::isLowerCase) ? 1 : 0;
        kinds += password.codePoints().anyMatch(Character::isDigit) ? 1 : 0;
        kinds += password.codePoints().anyMatch(c -> !Character.isUpperCase(c) && !Character.isLowerCase(c) && !Character.isDigit(c)) ? 1 : 0;
        if (kinds < 3) {
            throw new WeakPassword("password too weak: it needs three of upper case, lower case, digit, other (it has " + kinds + ")",
                    "密码太弱：须含大写字母、小写字母、数字、其他符号中的三类（现含 " + kinds + " 类）");
        }
    }

    /** {@link #generate()}, drawn again in the rare case it holds the user's name, which {@link #check(String, String)} refuses. */
    public static String generate(String name) {
        while (true) {
            String password = generate();
            try {
                check(name, password);
                return password;
            } catch (WeakPassword holdsTheName) {
                // about one in thousands for a name of three letters
            }
        }
    }

    /** Whether {@code text} would be accepted as a password: a sign-in name that would is not written into the log. */
    static boolean wouldPass(String text) {
        try {
            check(text);
            return true;
        } catch (WeakPassword e) {
            return false;
        }
    }

    /** A fresh random password with every kind of character, about 110 bits. */
    public static String generate() {
        String all = UPPER + LOWER + DIGITS + OTHER;
        StringBuilder password = new StringBuilder();
        for (String kind : new String[] {UPPER, LOWER, DIGITS, OTHER}) {
            password.append(kind.charAt(RANDOM.nextInt(kind.length())));
        }
        while (password.length() < GENERATED_LENGTH) {
            password.append(all.charAt(RANDOM.nextInt(all.length())));
        }
        // the four fixed kinds must not always sit at the front
        for (int i = password.length() - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char c = password.charAt(i);
            password.setCharAt(i, password.charAt(j));
            password.setCharAt(j, c);
        }
        return password.toString();
    }

    /** A password refused by the policy; the message alone tells what to change. */
    public static final class WeakPassword extends RuntimeException implements SaidInChinese {
        private final String chinese;

        WeakPassword(String message, String chinese) {
            super(message);
            this.chinese = chinese;
        }

        @Override
        public String chinese() {
            return chinese;
        }
    }
}
