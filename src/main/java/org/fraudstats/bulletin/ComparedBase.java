package org.fraudstats.bulletin;

import java.util.List;

/**
 * A base a bulletin compares with: the 同比 and 环比 periods of metrics.md, and the year-to-date comparison's either side
 * (this year's 1 January on, or last year's same days). One name each, kept in a revision's notes by {@link #key}: the
 * notes of every published revision read them back, so a key never changes.
 */
public enum ComparedBase {
    YOY("yoy", "同比", "同比基期"),
    POP("pop", "环比", "环比基期"),
    YEAR_TO_DATE("year_to_date", "今年以来", "今年以来或去年同期");

    /** The two changes a row of figures prints. */
    public static final List<ComparedBase> CHANGES = List.of(YOY, POP);

    private final String key;
    private final String change;
    private final String noteName;

    ComparedBase(String key, String change, String noteName) {
        this.key = key;
        this.change = change;
        this.noteName = noteName;
    }

    /** How a revision's notes name it: {@code yoy}, {@code pop}, {@code year_to_date}. */
    public String key() {
        return key;
    }

    /** The change against it as a bulletin names it: 同比, 环比, 今年以来. */
    public String change() {
        return change;
    }

    /** How a note names the base: 同比基期, 环比基期, 今年以来或去年同期. */
    public String noteName() {
        return noteName;
    }
}
