package org.fraudstats.bulletin;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What a bulletin covers: one day (日报), a week (周报), a calendar month (月报) or any other period (区间).
 * Weekly, monthly and other periods share one output layout ({@code OUT/range/FROM_TO/…}) and one revision
 * history: a week is a range from a Monday to its Sunday, whichever command rendered it.
 */
public enum BulletinKind {
    DAILY("daily", "电信网络诈骗警情日报", "日报"),
    WEEKLY("range", "电信网络诈骗警情通报（周报）", "周报"),
    MONTHLY("range", "电信网络诈骗警情通报（月报）", "月报"),
    RANGE("range", "电信网络诈骗警情通报（区间）", "区间通报");

    private final String key;
    private final String documentName;
    private final String shortName;

    BulletinKind(String key, String documentName, String shortName) {
        this.key = key;
        this.documentName = documentName;
        this.shortName = shortName;
    }

    /**
     * The kind of a range bulletin over [from, to], told by its dates alone: a week is Monday to Sunday, as the weekly
     * schedule renders and the mail sends it. Any seven days were 周报 here while the mail held Monday to Sunday: a
     * Wednesday-to-Tuesday `rerun --range` was printed 周报, listed as weekly, and never mailed as one (review).
     */
    public static BulletinKind ofRange(LocalDate from, LocalDate to) {
        if (from.getDayOfWeek() == DayOfWeek.MONDAY && ChronoUnit.DAYS.between(from, to) == 6) {
            return WEEKLY;
        }
        if (from.getDayOfMonth() == 1 && to.equals(from.withDayOfMonth(from.lengthOfMonth()))) {
            return MONTHLY;
        }
        return RANGE;
    }

    /** The kind of a bulletin recorded under {@code key} ("daily" or "range") for [from, to]. */
    public static BulletinKind of(String key, LocalDate from, LocalDate to) {
        return switch (key) {
            case "daily" -> DAILY;
            case "range" -> ofRange(from, to);
            default -> throw new IllegalArgumentException("unknown bulletin kind " + key);
        };
    }

    /** "daily" or "range": the folder and file names, manifest.json and table bulletin_revision use it. */
    public String key() {
        return key;
    }

    /**
     * daily, weekly, monthly or range: the kind as web.md's API, the portal, the mails and `revisions` name it (the
     * CLI said "range" of a monthly bulletin the API called "monthly", and no script could join the two, tester).
     */
    public String publicName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The period as the folder, file names, manifest and table bulletin_revision write it: {@code 2022-10-24} for a
     * daily bulletin, {@code 2022-10-17_2022-10-23} for every other kind, a one-day range included. Written here once
     * because the publisher, the archive, the mail and the rerun's dry run must agree on it to find one file.
     */
    public String period(LocalDate from, LocalDate to) {
        return this == DAILY ? from.toString() : from + "_" + to;
    }

    /** The bulletin as its folder under OUT names it, daily/2022-10-24 or range/2022-10-17_2022-10-23: one name for all its revisions. */
    public String folder(LocalDate from, LocalDate to) {
        return key + "/" + period(from, to);
    }

    /** The document's name in the masthead and the files' metadata. */
    public String documentName() {
        return documentName;
    }

    /** 日报, 周报, 月报 or 区间通报: a page's word for it beside its dates. */
    public String shortName() {
        return shortName;
    }
}
