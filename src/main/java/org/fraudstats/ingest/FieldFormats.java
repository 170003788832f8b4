package org.fraudstats.ingest;

import java.time.Year;

/**
 * The value formats of feeds.md, strictly: anything else is unparseable and makes the row bad (rule 3).
 * Values are taken as written, so nothing here trims. Each format is read by hand, character by character, not by
 * a regular expression: these checks run on every row of a drop (the profile of a load showed the timestamp regex
 * among its largest costs), and each format is simple enough to be read exactly by a few lines.
 */
final class FieldFormats {

    /**
     * Money has at most 10 digits before the point (under 10 billion yuan: beyond any one case, stop or refund). The
     * storage, numeric(18,2), holds 16, and that was the bound: a bank card number of 16 digits is then money too, and a
     * row exported with account_no and amount swapped loaded as good and printed the card number in clear as the day's
     * 止付金额, in the figures, the headline and the bulletin (review 30). Longer is rejected, and masked in the rejects.
     */
    static final int MONEY_INTEGER_DIGITS = 10;
    private static final String BEIJING = "+08:00";
    /** Real offsets lie within ±14:00; PostgreSQL refuses beyond ±15:59 and would fail the whole drop. */
    private static final int MAX_OFFSET_MINUTES = 14 * 60;

    private FieldFormats() {
    }

    /** The shape of {@link #timestamp}'s text, whatever its numbers: what fails only by them names no date or time. */
    private static final java.util.regex.Pattern TIMESTAMP_SHAPE = java.util.regex.Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})?");

    /**
     * Why a field is no timestamp of feeds.md: written as one but naming no date, no time of day or no offset (beyond
     * ±14:00, or minutes past 59), said by the part at fault; or not written as one.
     */
    static RejectReason timestampProblem(String text) {
        if (!TIMESTAMP_SHAPE.matcher(text).matches()) {
            return RejectReason.NOT_TIMESTAMP;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
            return RejectReason.NO_SUCH_DATE;
        }
        int second = text.length() > 16 && text.charAt(16) == ':' ? number(text, 17, 19) : 0;
        if (number(text, 11, 13) > 23 || number(text, 14, 16) > 59 || second > 59) {
            return RejectReason.NO_SUCH_TIME_OF_DAY;
        }
        String offset = text.endsWith("Z") ? "Z" : text.matches(".*[+-][0-9]{2}:[0-9]{2}") ? text.substring(text.length() - 6) : "";
        if (offset.length() == 6 && (number(offset, 4, 6) > 59 || number(offset, 1, 3) * 60 + number(offset, 4, 6) > MAX_OFFSET_MINUTES)) {
            return RejectReason.NO_SUCH_OFFSET;
        }
        // a real date, time and offset whose day in Beijing is before year 1 or after 9999: "year 0" it is
        return RejectReason.NO_SUCH_DATE;
    }

    /**
     * Whether the instant falls on a business day (Beijing) before 0001-01-01 or after 9999-12-31, which no date of
     * the pipeline can name: 0001-01-01T00:00+09:00 is 31 December 1 BC in Beijing, and its day was loaded but never
     * rolled up, nor could verify reach it (review 33c).
     */
    private static boolean outsideBusinessDays(int year, int month, int day, int minuteOfDay, int offsetMinutes) {
        int beijing = minuteOfDay - offsetMinutes + 8 * 60;
        return year == 1 && month == 1 && day == 1 && beijing < 0
                || year == 9999 && month == 12 && day == 31 && beijing >= 24 * 60;
    }

    /**
     * YYYY-MM-DDTHH:MM[:SS[.fraction]] with an optional offset Z or ±HH:MM; none means Beijing time. The date and
     * time must exist (no 24:00, no February 30), the year be 1 or later, the offset within ±14:00.
     *
     * @return the text PostgreSQL is to read, naming the same instant: the text as written, its fraction cut to
     *         microseconds (PostgreSQL would round the rest, possibly across midnight) and Beijing's offset added
     *         when it names none; or null when the text is not a timestamp of feeds.md
     */
    static String timestamp(String text) {
        int n = text.length();
        if (n < 16 || !digits(text, 0, 4) || text.charAt(4) != '-' || !digits(text, 5, 7) || text.charAt(7) != '-'
                || !digits(text, 8, 10) || text.charAt(10) != 'T' || !digits(text, 11, 13) || text.charAt(13) != ':'
                || !digits(text, 14, 16)) {
            return null;
        }
        int at = 16;
        int second = 0;
        int fractionEnd = -1;
        if (at < n && text.charAt(at) == ':') {
            if (at + 3 > n || !digits(text, at + 1, at + 3)) {
                return null;
            }
            second = number(text, at + 1, at + 3);
            at += 3;
            if (at < n && text.charAt(at) == '.') {
                int from = ++at;
                while (at < n && isDigit(text.charAt(at))) {
                    at++;
                }
                if (at == from) {
                    return null;
                }
                fractionEnd = at;
            }
        }
        int offsetAt = at;
        int offsetMinutes = 8 * 60;
        if (at < n) {
            char sign = text.charAt(at);
            if (sign == 'Z' && at + 1 == n) {
                offsetMinutes = 0;
                at = n;
            } else if ((sign == '+' || sign == '-') && at + 6 == n && digits(text, at + 1, at + 3)
                    && text.charAt(at + 3) == ':' && digits(text, at + 4, at + 6)) {
                int minutes = number(text, at + 4, at + 6);
                if (minutes > 59 || number(text, at + 1, at + 3) * 60 + minutes > MAX_OFFSET_MINUTES) {
                    return null;
                }
                offsetMinutes = (sign == '-' ? -1 : 1) * (number(text, at + 1, at + 3) * 60 + minutes);
                at = n;
            } else {
                return null;
            }
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)
                || number(text, 11, 13) > 23 || number(text, 14, 16) > 59 || second > 59
                || outsideBusinessDays(year, month, day, number(text, 11, 13) * 60 + number(text, 14, 16), offsetMinutes)) {
            return null;
        }
        boolean cut = fractionEnd > 0 && fractionDigits(text, fractionEnd) > 6;
        boolean hasOffset = offsetAt < n;
        if (!cut && hasOffset) {
            return text;
        }
        String kept = cut ? text.substring(0, fractionEnd - fractionDigits(text, fractionEnd) + 6) + text.substring(fractionEnd) : text;
        return hasOffset ? kept : kept + BEIJING;
    }

    /** How many digits the fraction ending at {@code end} has (it follows a '.'). */
    private static int fractionDigits(String text, int end) {
        int from = end;
        while (text.charAt(from - 1) != '.') {
            from--;
        }
        return end - from;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> Year.isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Why the text is not money (a plain decimal in yuan, at most 2 decimals), or null when it is. */
    static RejectReason moneyProblem(String text, boolean zeroAllowed) {
        int n = text.length();
        int at = 0;
        while (at < n && isDigit(text.charAt(at))) {
            at++;
        }
        int integerDigits = at;
        int fractionDigits = 0;
        if (integerDigits > 0 && at < n && text.charAt(at) == '.') {
            at++;
            while (at < n && isDigit(text.charAt(at))) {
                at++;
                fractionDigits++;
            }
        }
        if (at != n || integerDigits == 0 || (at > integerDigits && fractionDigits == 0)) {
            return RejectReason.NOT_MONEY;
        }
        if (fractionDigits > 2) {
            return RejectReason.MONEY_DECIMALS;
        }
        int first = 0;
        while (first < integerDigits && text.charAt(first) == '0') {
            first++;
        }
        if (integerDigits - first > MONEY_INTEGER_DIGITS) {
            return RejectReason.MONEY_TOO_LARGE;
        }
        if (!zeroAllowed && first == integerDigits && allZeros(text, integerDigits + 1, n)) {
            return RejectReason.NOT_POSITIVE;
        }
        return null;
    }

    /**
     * Why the text is not an age 0–120, or null when it is. An integer is a run of digits, leading zeros allowed as
     * in money (feeds.md's ^[0-9]+): 0120 is 120 and 0007 is 7, and 1200 is out of range. Judging by the length
     * of the text took 007 and refused 0007 and 0120 as "not an integer", and 1200 too.
     */
    static RejectReason ageProblem(String text) {
        if (text.isEmpty() || !digits(text, 0, text.length())) {
            return RejectReason.NOT_INTEGER;
        }
        int first = 0;
        while (first < text.length() - 1 && text.charAt(first) == '0') {
            first++;
        }
        return text.length() - first > 3 || number(text, first, text.length()) > 120 ? RejectReason.AGE_OUT_OF_RANGE : null;
    }

    private static boolean allZeros(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    /** Whether every character in [from, to) is an ASCII digit (the regular expressions' \d and [0-9] before). */
    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }
}
