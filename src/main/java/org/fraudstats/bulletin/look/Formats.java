package org.fraudstats.bulletin.look;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.fraudstats.bulletin.data.Provenance;
import org.fraudstats.metrics.AreaFigures;
import org.fraudstats.metrics.Metric;
import org.fraudstats.metrics.Printed;

/**
 * How the PDF writes figures: as {@link Printed} (exact, thousands separators), with — where a figure is undefined,
 * and its dates in Chinese.
 */
public final class Formats {

    /** Printed where a figure is undefined: a change over a zero base, a median with no case to take it over. */
    public static final String NONE = "—";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu年M月d日");
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("M月d日");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm:ss");

    private Formats() {
    }

    public static String money(BigDecimal amount) {
        return amount == null ? NONE : Printed.money(amount);
    }

    public static String count(long n) {
        return Printed.count(n);
    }

    public static String minutes(BigDecimal minutes) {
        return minutes == null ? NONE : Printed.minutes(minutes);
    }

    /** A change in percent as metrics prints it, with the sign it has and a % after: {@code -7.2%}. */
    public static String percent(Optional<BigDecimal> change) {
        return change.map(org.fraudstats.metrics.Change::said).orElse(NONE);
    }

    public static String figure(Metric metric, AreaFigures area) {
        BigDecimal value = area.value(metric);
        return switch (metric.kind()) {
            case COUNT -> count(value.longValueExact());
            case MONEY -> money(value);
            case MINUTES -> minutes(value);
        };
    }

    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** 10月1日: a day of the year the text around it names. */
    public static String monthDay(LocalDate day) {
        return MONTH_DAY.format(day);
    }

    /** 2022年10月1日至10月24日; the year is repeated only when the period crosses one. */
    public static String period(LocalDate from, LocalDate to) {
        if (from.equals(to)) {
            return day(from);
        }
        return day(from) + "至" + (from.getYear() == to.getYear() ? MONTH_DAY.format(to) : day(to));
    }

    public static String beijingTime(ZonedDateTime time) {
        return TIME.format(time.withZoneSameInstant(Provenance.BEIJING));
    }
}
