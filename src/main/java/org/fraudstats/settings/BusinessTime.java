package org.fraudstats.settings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The centre's time: a business day is a date in Asia/Shanghai (metrics.md), and "now" is the application's one
 * {@link Clock} bean ({@link ClockConfiguration}), which a test replaces to move time everywhere at once.
 */
public final class BusinessTime {

    /** Where business days are counted: a record's day is the date of its timestamp here. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ssXXX");

    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private BusinessTime() {
    }

    /**
     * An instant as the audit log, `user list` and `deliveries` print it: Asia/Shanghai with the offset, the seconds
     * always written (OffsetDateTime.toString() drops ":00": 09:00+08:00 for 09:00:00). 2022-10-25T07:05:12+08:00.
     */
    public static String isoSeconds(java.time.Instant instant) {
        return ISO_SECONDS.format(instant.atZone(ZONE));
    }

    /**
     * A Spring Batch time (its tables keep local times of the JVM that wrote them, which cli/Main sets to UTC for
     * every command) as the centre reads it: Asia/Shanghai with the offset, to the second, as the audit log and the
     * token times are shown.
     */
    public static String ofJob(LocalDateTime jvmLocal) {
        return jvmLocal == null ? null : WITH_OFFSET.format(jobInstant(jvmLocal));
    }

    /** {@link #ofJob(LocalDateTime)} for a time written by a JVM running in {@code writtenIn}. */
    public static String ofJob(LocalDateTime jvmLocal, ZoneId writtenIn) {
        return jvmLocal == null ? null : WITH_OFFSET.format(jvmLocal.atZone(writtenIn).withZoneSameInstant(ZONE));
    }

    /** A Spring Batch time as the instant in Asia/Shanghai, for the API's ISO times (null stays null). */
    public static ZonedDateTime jobInstant(LocalDateTime jvmLocal) {
        return jvmLocal == null ? null : jvmLocal.atZone(ZoneId.systemDefault()).withZoneSameInstant(ZONE);
    }

    /** Today's business day by {@code clock}. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /**
     * Why a bulletin of {@code day} cannot be made yet, or empty when it can: a day that is not over has no complete
     * drop, and its bulletin would stand first in the archive, above the real latest one, and be mailed (a typo such
     * as 2099, or today's date for yesterday's).
     */
    public static Optional<String> notYet(LocalDate day, Clock clock) {
        LocalDate today = today(clock);
        return day.isBefore(today)
                ? Optional.empty()
                : Optional.of(day + " is not over yet (today is " + today + " in Asia/Shanghai): a day's bulletin is made once the day is over");
    }

    /** The business day before today by {@code clock}: the night `nightly` runs for when given no date. */
    public static LocalDate yesterday(Clock clock) {
        return today(clock).minusDays(1);
    }

    /**
     * A date written as eight digits (20221001), in the ISO form every command and the API take (2022-10-01); empty
     * for anything else. Said in their messages: eight digits are no account number, and the fix is plain.
     */
    public static Optional<String> isoFormOf(String value) {
        if (value == null || !value.matches("[0-9]{8}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value, DateTimeFormatter.ofPattern("uuuuMMdd")
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT)).toString());
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Days as an English line names them: 2022-10-23; 2022-10-23 and 2022-10-25; 2022-10-20, 2022-10-22 and 2022-10-25;
     * or 2022-10-20 and 6 more days. One form for rerun's and headline's warnings and the schedule's record (r33f: the
     * headline said 2022-10-20 等 7 天 in an English line, rerun listed them its own way).
     */
    public static String daysNamed(java.util.List<LocalDate> days) {
        if (days.isEmpty()) {
            return "";
        }
        if (days.size() > 3) {
            return days.get(0) + " and " + (days.size() - 1) + " more days";
        }
        java.util.List<String> named = days.stream().map(LocalDate::toString).toList();
        return named.size() == 1 ? named.get(0)
                : String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
    }

    private static final java.util.regex.Pattern MORE_DAYS = java.util.regex.Pattern.compile("(\\S+) and (\\d+) more days");

    /**
     * Days as {@link #daysNamed} wrote them, read back as a bulletin's notice names them: "2022-10-03 and 4 more days" is
     * 2022-10-03 等 5 天, "2022-10-03, 2022-10-05 and 2022-10-07" 2022-10-03、2022-10-05、2022-10-07. One reading for
     * every page that says a recorded line in Chinese (the audit log's results, the schedule's waits).
     */
    public static String daysNamedInChinese(String english) {
        java.util.regex.Matcher more = MORE_DAYS.matcher(english);
        if (more.matches()) {
            return more.group(1) + " 等 " + (Integer.parseInt(more.group(2)) + 1) + " 天";
        }
        return english.replace(", ", "、").replace(" and ", "、");
    }
}
