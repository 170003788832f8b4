package org.fraudstats.generate;

import java.util.List;

/**
 * The four files of a drop as the generator sees them: the loader's schema ({@link org.fraudstats.ingest.Feed}, the
 * one definition of feeds.md's files and columns) with, for each column, what kind of value it holds.
 */
enum Feed {
    CASES(org.fraudstats.ingest.Feed.CASES),
    FREEZES(org.fraudstats.ingest.Feed.FREEZES),
    REFUNDS(org.fraudstats.ingest.Feed.REFUNDS),
    WARNINGS(org.fraudstats.ingest.Feed.WARNINGS);

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

    Feed(org.fraudstats.ingest.Feed schema) {
        this.fileName = schema.fileName();
        this.columns = schema.columns().stream().map(name -> new Column(name, kindOf(name))).toList();
    }

    /** By column name: the same name means the same kind of value in every file. */
    private static Kind kindOf(String column) {
        return switch (column) {
            case "case_id", "freeze_id", "refund_id", "warning_id", "account_no" -> Kind.ID;
            case "reported_at", "effective_at", "refunded_at", "issued_at" -> Kind.TIMESTAMP;
            case "district_code" -> Kind.DISTRICT;
            case "station", "bank" -> Kind.TEXT;
            case "fraud_type" -> Kind.FRAUD_TYPE;
            case "loss_amount" -> Kind.MONEY_OR_ZERO;
            case "amount" -> Kind.MONEY;
            case "victim_age" -> Kind.AGE;
            case "action" -> Kind.ACTION;
            case "channel" -> Kind.CHANNEL;
            case "outcome" -> Kind.OUTCOME;
            default -> throw new IllegalStateException("the generator does not know column " + column);
        };
    }
}
