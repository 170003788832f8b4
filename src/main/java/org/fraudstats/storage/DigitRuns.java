package org.fraudstats.storage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule by which a value that may hold an account number is stored or shown outside the rejects (web.md: "No
 * account number appears on any page or in any response"): every run of 12 or more digits keeps its last four.
 * It is ingest's AccountNumbers.maskDigitRuns, here where the access, audit and web modules may reach it (ingest
 * is theirs to use only from web, and access may not); DigitRunsTest holds the two to the same answers until
 * ingest uses this one.
 */
public final class DigitRuns {

    /**
     * Twelve or more digits in a row, possibly grouped by single spaces or hyphens as people write account numbers
     * (four groups of four digits), with any letters around them. Any Unicode decimal digit counts: a number typed in
     * full-width digits is still a number.
     */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\p{Nd}(?:[ -]?\\p{Nd}){11,}");

    private DigitRuns() {
    }

    /** The value with every run of 12 or more digits shown by its last four, separators kept: ****-****-****-7890. */
    public static String mask(String value) {
        if (value == null || fewerDigitsThanARun(value)) {
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
}
