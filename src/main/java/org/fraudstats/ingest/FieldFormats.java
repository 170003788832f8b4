package org.fraudstats.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value formats of feeds.md, strictly: anything else is unparseable and makes the row bad (rule 3).
 * Values are taken as written, so nothing here trims.
 */
final class FieldFormats {

    /** YYYY-MM-DDTHH:MM[:SS[.fraction]] with an optional offset Z or ±HH:MM; none means Beijing time. */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?(Z|[+-]\\d{2}:\\d{2})?");
    private static final Pattern MONEY = Pattern.compile("[0-9]+(\\.[0-9]{1,2})?");
    private static final Pattern MONEY_TOO_PRECISE = Pattern.compile("[0-9]+\\.[0-9]{3,}");
    private static final Pattern AGE = Pattern.compile("[0-9]{1,3}");
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    /** numeric(18,2) holds 16 integer digits. */
    private static final BigDecimal MONEY_LIMIT = new BigDecimal("1E16");

    private FieldFormats() {
    }

    /** @return the instant with its offset, or null when the text is not a timestamp of feeds.md */
    static OffsetDateTime timestamp(String text) {
        Matcher m = TIMESTAMP.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            String fraction = m.group(7) == null ? "" : m.group(7);
            // PostgreSQL keeps microseconds and would round the rest, possibly across midnight: truncate instead
            int micros = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000").substring(0, 6));
            int year = Integer.parseInt(m.group(1));
            if (year < 1) {
                return null;
            }
            LocalDateTime local = LocalDateTime.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), micros * 1000);
            ZoneOffset offset = m.group(8) == null ? BEIJING : ZoneOffset.of(m.group(8));
            // real offsets lie within ±14:00; PostgreSQL refuses beyond ±15:59 and would fail the whole drop
            if (Math.abs(offset.getTotalSeconds()) > 14 * 3600) {
                return null;
            }
            return OffsetDateTime.of(local, offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Why the text is not money, or null when it is. */
    static String moneyProblem(String text, boolean zeroAllowed) {
        if (MONEY_TOO_PRECISE.matcher(text).matches()) {
            return "more than 2 decimals";
        }
        if (!MONEY.matcher(text).matches()) {
            return "not a plain decimal amount in yuan";
        }
        BigDecimal value = new BigDecimal(text);
        if (value.compareTo(MONEY_LIMIT) >= 0) {
            return "out of range";
        }
        if (!zeroAllowed && value.signum() == 0) {
            return "must be greater than 0";
        }
        return null;
    }

    /** Why the text is not an age 0–120, or null when it is. */
    static String ageProblem(String text) {
        if (!AGE.matcher(text).matches()) {
            return "not an integer";
        }
        return Integer.parseInt(text) > 120 ? "out of range 0-120" : null;
    }
}
