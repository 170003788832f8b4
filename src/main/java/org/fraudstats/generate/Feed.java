package org.fraudstats.generate;

import java.util.List;

/** The four files of a drop with their columns in the canonical order of feeds.md. */
enum Feed {
    CASES("cases.csv", col("case_id", Kind.ID), col("reported_at", Kind.TIMESTAMP), col("district_code", Kind.DISTRICT),
            col("station", Kind.TEXT), col("fraud_type", Kind.FRAUD_TYPE), col("loss_amount", Kind.MONEY_OR_ZERO),
            col("victim_age", Kind.AGE)),
    FREEZES("freezes.csv", col("freeze_id", Kind.ID), col("case_id", Kind.ID), col("action", Kind.ACTION),
            col("bank", Kind.TEXT), col("account_no", Kind.ID), col("amount", Kind.MONEY), col("effective_at", Kind.TIMESTAMP)),
    REFUNDS("refunds.csv", col("refund_id", Kind.ID), col("case_id", Kind.ID), col("amount", Kind.MONEY),
            col("refunded_at", Kind.TIMESTAMP)),
    WARNINGS("warnings.csv", col("warning_id", Kind.ID), col("issued_at", Kind.TIMESTAMP), col("district_code", Kind.DISTRICT),
            col("channel", Kind.CHANNEL), col("outcome", Kind.OUTCOME));

    /** What a column holds; decides which corruptions make sense for it. EXTRA is a column feeds.md does not know. */
    enum Kind {
        ID, TIMESTAMP, DISTRICT, TEXT, FRAUD_TYPE, MONEY_OR_ZERO, MONEY, AGE, ACTION, CHANNEL, OUTCOME, EXTRA;

        boolean required() {
            return this != TEXT && this != AGE && this != EXTRA;
        }
    }

    record Column(String name, Kind kind) {
    }

    final String fileName;
    final List<Column> columns;

    Feed(String fileName, Column... columns) {
        this.fileName = fileName;
        this.columns = List.of(columns);
    }

    private static Column col(String name, Kind kind) {
        return new Column(name, kind);
    }
}
