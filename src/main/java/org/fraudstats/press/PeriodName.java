package org.fraudstats.press;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;

/**
 * The name a release gives the period [from, to], both days inclusive (press-style.md, the period table).
 *
 * <p>The rows of the table are tried in this order, so that a period matching two rows gets the more specific
 * name: one day (which is why 1 January to 1 January is {@code 1月1日}, not {@code 2022年以来}), then year to
 * date, then month to date, then within one month, within one year, across years. 以来 ("since") is used as the
 * table says whether or not {@code to} is today: the table names the shape of the period, not its relation to
 * the present. The English names follow the same rows, so both languages always describe the same period.
 */
final class PeriodName {

    private PeriodName() {
    }

    /** {@code 2022年以来}, {@code 10月以来}, {@code 10月23日}, {@code 10月17日至23日}, {@code 2022年3月5日至10月23日}… */
    public static String of(LocalDate from, LocalDate to) {
        return switch (Shape.of(from, to)) {
            case ONE_DAY -> monthDay(from);
            case YEAR_TO_DATE -> from.getYear() + "年以来";
            case MONTH_TO_DATE -> from.getMonthValue() + "月以来";
            case WITHIN_MONTH -> monthDay(from) + "至" + to.getDayOfMonth() + "日";
            case WITHIN_YEAR -> from.getYear() + "年" + monthDay(from) + "至" + monthDay(to);
            case ACROSS_YEARS -> from.getYear() + "年" + monthDay(from) + "至" + to.getYear() + "年" + monthDay(to);
        };
    }

    /**
     * "From 1 January to 23 October 2022", "On 23 October 2022", "From 17 to 23 October 2022"… capitalised to open a
     * sentence. The end is always named: "Since 1 February 2022" for February alone, read in December, said ten months
     * (tester); 2022年以来 and 2月以来 are the contract's Chinese and name the period as releases do.
     */
    public static String ofEnglish(LocalDate from, LocalDate to) {
        return switch (Shape.of(from, to)) {
            case ONE_DAY -> "On " + dayMonthYear(from);
            case MONTH_TO_DATE, WITHIN_MONTH -> "From " + from.getDayOfMonth() + " to " + dayMonthYear(to);
            case YEAR_TO_DATE, WITHIN_YEAR -> "From " + dayMonth(from) + " to " + dayMonthYear(to);
            case ACROSS_YEARS -> "From " + dayMonthYear(from) + " to " + dayMonthYear(to);
        };
    }

    private static String monthDay(LocalDate day) {
        return day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    private static String dayMonth(LocalDate day) {
        return day.getDayOfMonth() + " " + monthName(day.getMonth());
    }

    private static String dayMonthYear(LocalDate day) {
        return dayMonth(day) + " " + day.getYear();
    }

    private static String monthName(Month month) {
        return month.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** The rows of the period table, in the order they are tried. */
    private enum Shape {
        ONE_DAY, YEAR_TO_DATE, MONTH_TO_DATE, WITHIN_MONTH, WITHIN_YEAR, ACROSS_YEARS;

        static Shape of(LocalDate from, LocalDate to) {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (from.isAfter(to)) {
                throw new IllegalArgumentException("period starts after it ends: " + from + " to " + to);
            }
            if (from.equals(to)) {
                return ONE_DAY;
            }
            if (from.getYear() != to.getYear()) {
                return ACROSS_YEARS;
            }
            if (from.getDayOfYear() == 1) {
                return YEAR_TO_DATE;
            }
            if (from.getMonth() != to.getMonth()) {
                return WITHIN_YEAR;
            }
            return from.getDayOfMonth() == 1 ? MONTH_TO_DATE : WITHIN_MONTH;
        }
    }
}
