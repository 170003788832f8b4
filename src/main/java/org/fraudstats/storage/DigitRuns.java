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

    /**
     * Characters that show nothing, or nothing of their own: format characters (a zero-width space, a soft hyphen),
     * combining marks (a keycap's ⃣, a strike or an underline drawn through a digit, variation selectors), Hangul
     * fillers and the blank Braille cell. Between two digits they join them, whatever their number: nine zero-width
     * spaces between groups, a card in keycap emoji (6️⃣2️⃣…) or underlined digit by digit read as one number to the eye
     * and showed whole (review r35e). The probe reads each as a space: between two digits, one to three of them are a
     * run's separator, more a chain's joiner (a run of white space counts as one mark there).
     */
    private static final Pattern INVISIBLE_CHARACTER = Pattern.compile("[\\p{Cf}\\p{Mn}\\p{Me}\\u115F\\u1160\\u3164\\uFFA0\\u2800]");

    /** A run of digits, any script's: the groups that {@link #maskGroups} joins. */
    private static final Pattern DIGITS = Pattern.compile("\\p{Nd}+");

    /** An IPv4 address, as the audit log names a client: twelve digits at most, and no account number is written so. */
    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])");

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
            return mask(value.substring(0, cut(value, probe, 0))) + "…";
        }
        StringBuilder masked = null;
        Matcher run = DIGIT_RUN.matcher(probe);
        // a date beside a number is no part of it: 2022-10-24 440600 (a period's end and an area, as the audit log
        // names a headline read) is fourteen digits in a row, of which no twelve are anything but the date. Such a
        // run's dates are no groups of a number either (below)
        java.util.List<int[]> numbers = new java.util.ArrayList<>();
        while (run.find()) {
            if (digitsBesideIsoDates(run.group()) >= 12 && !IPV4.matcher(run.group()).matches()) {
                masked = keepLastFour(value, probe, run.start(), run.end(), masked);
                numbers.add(new int[] {run.start(), run.end()});
            }
        }
        masked = maskGroups(isoDatesBlanked(probe, numbers), probe, value, masked);
        return masked == null ? value : masked.toString();
    }

    /**
     * Where a text longer than {@link #LONGEST} from {@code start} is cut, so that no number is cut in two: after its last
     * letter within LONGEST characters that no rule reads as a digit (a Chinese numeral, a letter O typed for 0 beside
     * digits) nor joins digits (a Hangul filler). MaskedLog cuts its long lines here too: both cut after any letter,
     * and a number in spoken digits or with an O showed whole (review r35e). {@code start} itself when there is no such
     * letter: mask keeps nothing of such a value, MaskedLog cuts it at LONGEST.
     */
    public static int cut(String text, int start) {
        return cut(text, withChineseAsDigits(text), start);
    }

    private static int cut(String text, String probe, int start) {
        int end = Math.min(text.length(), start + LONGEST);
        while (end > start && (!Character.isLetter(text.charAt(end - 1)) || !Character.isLetter(probe.charAt(end - 1)))) {
            end--;
        }
        return end;
    }

    /**
     * An account number written in groups, whatever their lengths and whatever joins them (6222，0200，1234，5678;
     * 62226514。36423492; 62220--21234--56789--0123 in fives; 6222021+234567+891234 in 7-6-6; groups of three; tabs and
     * runs of spaces, a run counting as one mark; 6222"0212"3457"0015666, a station's quotes doubled in a CSV field): a
     * chain of groups, each joined to the next by one to eight characters that are neither letters nor digits, holding
     * sixteen digits or more beside compact dates. A group of one or two digits belongs to a chain only while all its
     * joiners are the same (62,22,02,… and 6222，0212，3456，78，90 are numbers; times 10:00:00,11:00:00 and amounts with
     * their cents 1234567.89, 2345678.90 are not); twelve to fifteen digits are not enough (2022,2023,2024;
     * 138,0013,8000), the rule of a run ({@link #DIGIT_RUN}) finding those written as one. A list of one city's district
     * codes (440604,440605,440606: groups of six sharing their first four) shows. Until 2026-12-06 only groups of
     * exactly four between the first and the last were chained, or parts of seven and more, and a card written 5-5-5-4
     * or 7-6-6 showed whole wherever a value is shown (leak tester r35c, review r35e). On the safe side, four years
     * listed in a row are masked, a phone number listed beside another, and a number after a card's groups loses its
     * digits too (6222,0200,1234,5678,20000 shows 0000); a compact date after them does not (…5678;20221023).
     */
    private static StringBuilder maskGroups(String probe, String digitsOf, String value, StringBuilder masked) {
        // each group: start, end, its digits, its digits beside a compact date, counted once (review r35e: counting them
        // again for every chain made a path of 250 short groups 4-8 times slower to mask than before)
        java.util.List<int[]> groups = new java.util.ArrayList<>();
        Matcher digits = DIGITS.matcher(probe);
        while (digits.find()) {
            String group = probe.substring(digits.start(), digits.end());
            int count = group.codePointCount(0, group.length());
            groups.add(new int[] {digits.start(), digits.end(), count, digitsBesideCompactDates(group)});
        }
        // what joins each group to the one before it, read once
        String[] joiners = new String[groups.size()];
        for (int j = 1; j < groups.size(); j++) {
            joiners[j] = joiner(probe, groups.get(j - 1)[1], groups.get(j)[0]);
        }
        for (int i = 0; i < groups.size(); i++) {
            int total = groups.get(i)[3];
            int last = -1;
            String first = null;
            boolean uniform = true;
            boolean shortGroup = groups.get(i)[2] < 3;
            for (int j = i + 1; j < groups.size(); j++) {
                String joiner = joiners[j];
                if (joiner == null) {
                    break;
                }
                first = first == null ? joiner : first;
                uniform &= joiner.equals(first);
                // a group of one or two digits belongs to a chain only while every joiner is the same: 62,22,02,12,…
                // and 6222，0212，3456，78，90 are one number, 10:00:00,11:00:00 and 1,234,567.89 are not (review r35e)
                shortGroup |= groups.get(j)[2] < 3;
                if (shortGroup && !uniform) {
                    break;
                }
                int counted = groups.get(j)[3];
                total += counted;
                // a compact date after the number (…5678;20221023) is not part of it
                if (total >= 16 && counted > 0) {
                    last = j;
                }
            }
            if (last >= 0 && !districtCodes(probe, groups.subList(i, last + 1))) {
                masked = keepLastFour(value, digitsOf, groups.get(i)[0], groups.get(last)[1], masked);
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
        // only the dates at either end: one between two pieces of digits is a piece of a number that happens to read as
        // a date (6222-2022-10-23-1234567 showed whole: review r35e), as a period's days and an area are never written
        String rest = LEADING_DATES.matcher(TRAILING_DATES.matcher(run).replaceFirst("")).replaceFirst("");
        return (int) rest.codePoints().filter(Character::isDigit).count();
    }

    private static final Pattern LEADING_DATES = Pattern.compile("^(?:" + ISO_DATE.pattern() + "[^\\p{Nd}]*)+");
    private static final Pattern TRAILING_DATES = Pattern.compile("(?:[^\\p{Nd}]*" + ISO_DATE.pattern() + ")+$");

    /**
     * What joins two groups, probe[from, to): one to eight marks that are neither letters nor digits, a run of white
     * space counting as one whatever its length (an HTML cell shows nine spaces as one; invisible characters are
     * spaces in the probe); as a chain compares them, white space as one space. Null when it does not join them (a
     * letter between, or more marks).
     */
    private static String joiner(String probe, int from, int to) {
        StringBuilder joiner = new StringBuilder();
        int marks = 0;
        for (int i = from; i < to; ) {
            int c = probe.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                return null;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (joiner.length() == 0 || joiner.charAt(joiner.length() - 1) != ' ') {
                    joiner.append(' ');
                    marks++;
                }
                continue;
            }
            joiner.appendCodePoint(c);
            marks++;
        }
        return marks >= 1 && marks <= 8 ? joiner.toString() : null;
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
     * digit, each invisible character by a space, a letter O or l beside a digit by 0 or 1: the same length, so a
     * match's place is the value's.
     */
    private static String withChineseAsDigits(String value) {
        StringBuilder probe = null;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            int width = Character.charCount(c);
            if (INVISIBLE_CHARACTER.matcher(value.substring(i, i + width)).matches()) {
                if (probe == null) {
                    probe = new StringBuilder(value);
                }
                for (int k = 0; k < width; k++) {
                    probe.setCharAt(i + k, ' ');
                }
            }
            i += width;
        }
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
        // a letter O or l typed for 0 or 1 beside a digit (6222 0212 345O 7890, 789O at a group's end, OO for 00, a
        // Cyrillic or Greek О): a digit to the rules, or the pieces either side of it, each shorter than a run, showed
        // (leak tester r35c; at a group's edge, review r35e); the letter itself stays as typed. Forward, then back, so
        // that a run of such letters touching a digit on either side is read whole
        for (int i = 0; i < value.length(); i++) {
            probe = asDigit(value, probe, i, i > 0 && Character.isDigit(probeAt(probe, value, i - 1)));
        }
        for (int i = value.length() - 1; i >= 0; i--) {
            probe = asDigit(value, probe, i, i + 1 < value.length() && Character.isDigit(probeAt(probe, value, i + 1)));
        }
        return probe == null ? value : probe.toString();
    }

    private static final String LIKE_ZERO = "OoОоΟοＯｏ";
    private static final String LIKE_ONE = "lIІіΙｌＩ";

    private static StringBuilder asDigit(String value, StringBuilder probe, int i, boolean besideADigit) {
        char c = value.charAt(i);
        boolean zero = LIKE_ZERO.indexOf(c) >= 0;
        if (!besideADigit || !zero && LIKE_ONE.indexOf(c) < 0 || Character.isDigit(probeAt(probe, value, i))) {
            return probe;
        }
        StringBuilder into = probe == null ? new StringBuilder(value) : probe;
        into.setCharAt(i, zero ? '0' : '1');
        return into;
    }

    private static char probeAt(StringBuilder probe, String value, int i) {
        return probe == null ? value.charAt(i) : probe.charAt(i);
    }

    /**
     * The digits of value[start, end) but the last four starred in masked (a copy of value, made at the first run), as
     * the probe reads them: the same length as value, a surrogate pair kept where it stands for no digit.
     */
    private static StringBuilder keepLastFour(String value, String probe, int start, int end, StringBuilder masked) {
        // a digit is what the probe reads as one: a Chinese numeral, a circled digit, a letter O typed for 0 beside
        // digits (it showed as typed, the twelfth digit of 6222 0212 345O 7890 in clear: review r35e)
        IntPredicate isDigit = i -> Character.isDigit(probe.codePointAt(i));
        StringBuilder into = masked == null ? new StringBuilder(value) : masked;
        int digits = 0;
        for (int i = start; i < end; i += Character.charCount(value.codePointAt(i))) {
            digits += isDigit.test(i) ? 1 : 0;
        }
        for (int i = start, seen = 0; i < end; ) {
            int width = Character.charCount(value.codePointAt(i));
            if (isDigit.test(i) && ++seen <= digits - 4) {
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
