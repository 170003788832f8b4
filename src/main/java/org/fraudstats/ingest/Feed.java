package org.fraudstats.ingest;

import java.util.List;
import java.util.Set;

/** The four files of a drop (feeds.md), in the order they load, with their columns and id field. */
public enum Feed {
    CASES("cases.csv", "case_id",
            List.of("case_id", "reported_at", "district_code", "station", "fraud_type", "loss_amount", "victim_age"),
            Set.of("station", "victim_age")),
    FREEZES("freezes.csv", "freeze_id",
            List.of("freeze_id", "case_id", "action", "bank", "account_no", "amount", "effective_at"),
            Set.of("bank")),
    REFUNDS("refunds.csv", "refund_id",
            List.of("refund_id", "case_id", "amount", "refunded_at"),
            Set.of()),
    WARNINGS("warnings.csv", "warning_id",
            List.of("warning_id", "issued_at", "district_code", "channel", "outcome"),
            Set.of());

    /** Text written by people, where an account number may be typed in by hand. */
    private static final Set<String> FREE_TEXT = Set.of("station", "bank");
    /** Longest station or bank name: the longest real ones are about 30 characters. */
    static final int FREE_TEXT_MAX_LENGTH = 200;
    /** Longest id, code, account number, timestamp, amount or age: real ones have at most 25 characters. */
    static final int VALUE_MAX_LENGTH = 64;

    private final String fileName;
    private final String idColumn;
    private final List<String> columns;
    private final Set<String> optional;

    Feed(String fileName, String idColumn, List<String> columns, Set<String> optional) {
        this.fileName = fileName;
        this.idColumn = idColumn;
        this.columns = columns;
        this.optional = optional;
    }

    public String fileName() {
        return fileName;
    }

    public String idColumn() {
        return idColumn;
    }

    /** The spec's columns in the spec's order, which is also the order fields are checked in. */
    public List<String> columns() {
        return columns;
    }

    public boolean required(String column) {
        return !optional.contains(column);
    }

    boolean freeText(String column) {
        return FREE_TEXT.contains(column);
    }

    /** The most characters (Unicode code points) a value of this column may have; a longer one is a bad row. */
    int maxLength(String column) {
        return freeText(column) ? FREE_TEXT_MAX_LENGTH : VALUE_MAX_LENGTH;
    }
}
