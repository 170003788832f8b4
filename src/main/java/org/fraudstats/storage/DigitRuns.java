package org.fraudstats.storage;

import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule by which a value that may hold an account number is stored or shown (feeds.md rule 5; web.md: "No
 * account number appears on any page or in any response"): every run of 12 or more digits keeps its last four.
 * One rule for the rejects' values (ingest), the audit log (access, web) and the values a page or an API error
 * echoes (web), so that a number masked in one place is masked in all.
 */
public final class DigitRuns {

    /**
     * What may stand between two digits of one number as people write account numbers: up to three spaces of any
     * kind (a doubled space, NBSP or the ideographic space of text pasted from a page or typed in Chinese; a line
     * break or another control character too, which the audit trail writes as a space or '?' afterwards), or one
     * dash, '.', '/' or '_' (full-width ones too) with at most a space on either side (6222 - 0200 - …). A '.' before
     * one or two last digits is a decimal point, not a separator: an amount shows whole up to 9999999999.99. Two
     * punctuation marks in a row are no separator, so a period of two dates (2022-10-01..2022-10-24) shows.
     */
    private static final String SEPARATOR = "(?:[\\p{Zs}\\p{Cc}]{1,3}+|[\\p{Zs}\\p{Cc}]?+(?:[\\p{Pd}_/\uFF0F\uFF3F]|[.\uFF0E](?!\\p{Nd}{1,2}+(?!\\p{Nd})))[\\p{Zs}\\p{Cc}]?+)";

    /**
     * Twelve or more digits in a row, possibly grouped (four groups of four digits), with any letters around them (an
     * X before nineteen digits). Any Unicode decimal digit counts: a number typed in full-width digits is still a
     * number. Phone numbers (11 digits), dates and times (':' is no separator) stay below twelve digits and show. The
     * separators' own quantifiers are possessive: separators are never digits, so giving some back never makes a match.
     */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\p{Nd}(?:" + SEPARATOR + "?\\p{Nd}){11,}");

    /** A run of digits, any script's: the groups that {@link #maskGroups} joins. */
    private static final Pattern DIGITS = Pattern.compile("\\p{Nd}+");

    /** An ISO date as periods and bulletins name days; no account number is written so. */
    private static final Pattern ISO_DATE = Pattern.compile("(?<!\\p{Nd})(?:19|20)[0-9]{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?!\\p{Nd})");

    /**
     * Chinese numerals as positional digits, as a number is read out or typed in words (六二二二〇二〇〇…, in the
     * financial form 陆贰贰贰…, or traditional 陸貳參…), by the digit each stands for: a value is searched with them
     * as digits, so that every rule below finds such a number as it finds one in digits, mixed ones too
     * (62226514三六四二三四九二). An amount in words (一万二千) or a date (二〇二二年十月) never makes twelve in a row.
     * With them the digits as police and the army read them out on the radio and the phone (幺 1, 两 2, 拐 7, 勾 9, 洞 0),
     * as a duty officer writes down a number a victim reads aloud (leak tester r35c).
     */
    private static final String CHINESE_DIGITS = "〇零一壹二贰貳三叁參四肆五伍六陆陸七柒八捌九玖幺两兩拐勾洞";
    private static final String CHINESE_VALUES = "00112223334455666778899122790";

    private static final Pattern COMPACT_DATE = Pattern.compile("(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])");

    private DigitRuns() {
    }

    /**
     * The longest value masked whole. The pattern recurses once per digit of a run, and a run of ~1,800 digits
     * overflows a thread's default stack: a request path or a user name of any length must not turn a refusal or a
     * failed sign-in into an error that records nothing. No field kept or shown is longer (rejects keep 1,024
     * characters of a value, the audit trail 500).
     */
    static final int LONGEST = 1024;

    /**
     * An id from the case system as feeds.md gives one: letters, a date, a serial (FS2022102300123). cli.md wants a
     * rejected row's record_id "as written", and masked as any run of digits it was FS*********0123, which no one
     * could look up in the case system (tester B). An account number has no letters before it, and its first digits
     * are a bank's, not a day. The serial is of six digits at most (feeds.md's FS2022102300123 has five): with up to
     * nine, a letter before a card number beginning with a valid date showed its sixteen digits (leak tester r35c).
     */
    private static final Pattern CASE_SYSTEM_ID = Pattern.compile(
            "[A-Za-z]{1,6}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{1,6}");

    /**
     * A value of an id column (a record's own, a freeze's or refund's case_id): shown whole when it is shaped as the
     * case system's ids, else as {@link #mask}: a row whose fields were shifted may hold an account number there.
     */
    public static String maskId(String value) {
        return value != null && CASE_SYSTEM_ID.matcher(value).matches() ? value : mask(value);
    }

    /**
     * The value with every run of 12 or more digits shown by its last four, separators kept: ****-****-****-7890. A
     * value longer than {@link #LONGEST} characters is cut there first, back to its last letter, so that no number
     * cut in two leaves a head of fewer than twelve digits in clear, and "…" marks the cut.
     */
    public static String mask(String value) {
        if (value == null) {
            return null;
        }
        String probe = withChineseAsDigits(value);
        if (fewerDigitsThanARun(probe)) {
            return value;
        }
        if (value.length() > LONGEST) {
            int end = LONGEST;
            while (end > 0 && (!Character.isLetter(value.codePointBefore(end)) || chinese(value.codePointBefore(end)))) {
                end -= Character.charCount(value.codePointBefore(end));
            }
            return mask(value.substring(0, end)) + "…";
        }
        StringBuilder masked = null;
        Matcher run = DIGIT_RUN.matcher(probe);
        // a date beside a number is no part of it: 2022-10-24 440600 (a period's end and an area, as the audit log
        // names a headline read) is fourteen digits in a row, of which no twelve are anything but the date. Such a
        // run's dates are no groups of a number either (below)
        java.util.List<int[]> numbers = new java.util.ArrayList<>();
        while (run.find()) {
            if (digitsBesideIsoDates(run.group()) >= 12) {
                masked = keepLastFour(value, run.start(), run.end(), masked);
                numbers.add(new int[] {run.start(), run.end()});
            }
        }
        masked = maskGroups(isoDatesBlanked(probe, numbers), value, masked);
        return masked == null ? value : masked.toString();
    }

    /**
     * An account number written in groups, whatever their lengths and whatever joins them (6222，0200，1234，5678;
     * 62226514。36423492; 62220--21234--56789--0123 in fives; 6222021+234567+891234 in 7-6-6; groups of three; a
     * zero-width space or a soft hyphen of text pasted from a page; tabs, runs of spaces; 6222"0212"3457"0015666, a
     * station's quotes doubled in a CSV field): a chain of groups of three digits or more, each joined to the next by
     * one to eight characters that are neither letters nor digits, holding sixteen digits or more beside compact
     * dates. A group of one or two digits ends a chain, so times (10:00:00,11:00:00), amounts with their cents and
     * thousands (1,234,567,890,123.45) show, and twelve to fifteen digits are not enough (2022,2023,2024; 138,0013,8000),
     * the rule of a run ({@link #DIGIT_RUN}) finding those written as one. A list of one city's district codes
     * (440604,440605,440606: groups of six sharing their first four) shows. Until 2026-12-06 only groups of exactly
     * four between the first and the last were chained, or parts of seven and more, and a card written 5-5-5-4 or
     * 7-6-6 showed whole wherever a value is shown (leak tester r35c). On the safe side, four years listed in a row are
     * masked, a phone number listed beside another, and a number after a card's groups loses its digits too
     * (6222,0200,1234,5678,20000 shows 0000); a compact date after them does not (…5678;20221023).
     */
    private static StringBuilder maskGroups(String probe, String value, StringBuilder masked) {
        java.util.List<int[]> groups = new java.util.ArrayList<>();
        Matcher digits = DIGITS.matcher(probe);
        while (digits.find()) {
            groups.add(new int[] {digits.start(), digits.end(), probe.codePointCount(digits.start(), digits.end())});
        }
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i)[2] < 3) {
                continue;
            }
            int total = digitsBesideCompactDates(probe.substring(groups.get(i)[0], groups.get(i)[1]));
            int last = -1;
            for (int j = i + 1; j < groups.size() && groups.get(j)[2] >= 3 && joined(probe, groups.get(j - 1)[1], groups.get(j)[0]); j++) {
                int counted = digitsBesideCompactDates(probe.substring(groups.get(j)[0], groups.get(j)[1]));
                total += counted;
                // a compact date after the number (…5678;20221023) is not part of it
                if (total >= 16 && counted > 0) {
                    last = j;
                }
            }
            if (last >= 0 && !districtCodes(probe, groups.subList(i, last + 1))) {
                masked = keepLastFour(value, groups.get(i)[0], groups.get(last)[1], masked);
            }
        }
        return masked;
    }

    /** Whether the groups are six digits each sharing their first four: one city's district codes listed (4406xx). */
    private static boolean districtCodes(String probe, java.util.List<int[]> groups) {
        String city = probe.substring(groups.get(0)[0], groups.get(0)[0] + 4);
        return groups.stream().allMatch(g -> g[2] == 6 && g[1] - g[0] == 6 && probe.startsWith(city, g[0]));
    }

    /**
     * The probe with its ISO dates turned into letters, same length, but those inside {@code numbers} (runs with twelve
     * digits or more beside their dates, masked whole: 6222 0200 2022-10-23 1234 may be an account number written in
     * groups, a date-shaped piece in it). A phone number or a count before a date (13800138000 2026-12-04, caller
     * 13800138000, 2022-10-24) made sixteen digits as groups with the date's year and month, and showed as
     * *********** **26-12-04.
     */
    private static String isoDatesBlanked(String probe, java.util.List<int[]> numbers) {
        Matcher date = ISO_DATE.matcher(probe);
        StringBuilder blanked = null;
        while (date.find()) {
            int start = date.start();
            if (numbers.stream().anyMatch(n -> n[0] <= start && start < n[1])) {
                continue;
            }
            if (blanked == null) {
                blanked = new StringBuilder(probe);
            }
            for (int i = start; i < date.end(); i++) {
                blanked.setCharAt(i, 'D');
            }
        }
        return blanked == null ? probe : blanked.toString();
    }

    /** The digits of a run that are not in an ISO date. */
    private static int digitsBesideIsoDates(String run) {
        String rest = ISO_DATE.matcher(run).replaceAll("");
        return (int) rest.codePoints().filter(Character::isDigit).count();
    }

    /** Whether probe[from, to) is one to eight marks that are neither letters nor digits. */
    private static boolean joined(String probe, int from, int to) {
        int marks = probe.codePointCount(from, to);
        return marks >= 1 && marks <= 8 && probe.substring(from, to).codePoints().noneMatch(Character::isLetterOrDigit);
    }

    private static boolean chinese(int c) {
        return CHINESE_DIGITS.indexOf(c) >= 0;
    }

    /**
     * The digit a character that is a number but not a decimal digit stands for (superscript ⁶, circled ⑥, ⒍, the
     * dingbats ❻, Suzhou numerals 〦, Roman Ⅵ), or -1: typed so, an account number still reads as one (tester). Only characters of one UTF-16 unit,
     * so that the probe keeps the value's length.
     */
    private static int otherDigit(char c) {
        // letter numbers too: the Suzhou (Hangzhou) numerals 〡〢〣… of a shop's or a clerk's notes (leak tester r35c)
        if (Character.getType(c) != Character.OTHER_NUMBER && Character.getType(c) != Character.LETTER_NUMBER) {
            return -1;
        }
        int value = Character.getNumericValue(c);
        return value >= 0 && value <= 9 ? value : -1;
    }

    /**
     * The value with each Chinese numeral, and each other number character standing for one digit, replaced by its
     * digit: the same length, so a match's place is the value's.
     */
    private static String withChineseAsDigits(String value) {
        StringBuilder probe = null;
        for (int i = 0; i < value.length(); i++) {
            int at = CHINESE_DIGITS.indexOf(value.charAt(i));
            int other = at >= 0 ? -1 : otherDigit(value.charAt(i));
            if (at >= 0 || other >= 0) {
                if (probe == null) {
                    probe = new StringBuilder(value);
                }
                probe.setCharAt(i, at >= 0 ? CHINESE_VALUES.charAt(at) : (char) ('0' + other));
            }
        }
        // a letter O or l typed for 0 or 1 between two digits (6222 0212 345O 7890): a digit to the rules, or the two
        // pieces either side of it, each shorter than a run, showed (leak tester r35c); the letter itself stays as typed
        for (int i = 1; i + 1 < value.length(); i++) {
            char c = value.charAt(i);
            if ((c == 'O' || c == 'o' || c == 'l' || c == 'I')
                    && Character.isDigit(probeAt(probe, value, i - 1)) && Character.isDigit(probeAt(probe, value, i + 1))) {
                if (probe == null) {
                    probe = new StringBuilder(value);
                }
                probe.setCharAt(i, c == 'O' || c == 'o' ? '0' : '1');
            }
        }
        return probe == null ? value : probe.toString();
    }

    private static char probeAt(StringBuilder probe, String value, int i) {
        return probe == null ? value.charAt(i) : probe.charAt(i);
    }

    /** The digits of value[start, end) but the last four starred in masked (a copy of value, made at the first run). */
    private static StringBuilder keepLastFour(String value, int start, int end, StringBuilder masked) {
        IntPredicate isDigit = c -> Character.isDigit(c) || chinese(c) || (c <= Character.MAX_VALUE && otherDigit((char) c) >= 0);
        StringBuilder into = masked == null ? new StringBuilder(value) : masked;
        int digits = 0;
        for (int i = start; i < end; i += Character.charCount(value.codePointAt(i))) {
            digits += isDigit.test(value.codePointAt(i)) ? 1 : 0;
        }
        for (int i = start, seen = 0; i < end; ) {
            int c = value.codePointAt(i);
            int width = Character.charCount(c);
            if (isDigit.test(c) && ++seen <= digits - 4) {
                for (int k = 0; k < width; k++) {
                    into.setCharAt(i + k, '*');
                }
            }
            i += width;
        }
        return into;
    }

    /**
     * The digits of the parts that are not compact dates: two dates listed count none, a number with a date after it
     * (62226514。36423492。20221001) still counts its own sixteen.
     */
    private static int digitsBesideCompactDates(String parts) {
        int digits = 0;
        for (String part : parts.split("[^\\p{Nd}]+")) {
            if (!COMPACT_DATE.matcher(part).matches()) {
                digits += part.codePointCount(0, part.length());
            }
        }
        return digits;
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
