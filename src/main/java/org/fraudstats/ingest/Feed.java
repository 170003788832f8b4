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
}
