package org.fraudstats.generate;

import java.util.List;
import java.util.Map;

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

    /** By column name: the same name means the same kind of value in every file. */
    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("case_id", Kind.ID), Map.entry("freeze_id", Kind.ID), Map.entry("refund_id", Kind.ID),
            Map.entry("warning_id", Kind.ID), Map.entry("account_no", Kind.ID),
            Map.entry("reported_at", Kind.TIMESTAMP), Map.entry("effective_at", Kind.TIMESTAMP),
            Map.entry("refunded_at", Kind.TIMESTAMP), Map.entry("issued_at", Kind.TIMESTAMP),
            Map.entry("district_code", Kind.DISTRICT), Map.entry("station", Kind.TEXT), Map.entry("bank", Kind.TEXT),
            Map.entry("fraud_type", Kind.FRAUD_TYPE), Map.entry("loss_amount", Kind.MONEY_OR_ZERO),
            Map.entry("amount", Kind.MONEY), Map.entry("victim_age", Kind.AGE), Map.entry("action", Kind.ACTION),
            Map.entry("channel", Kind.CHANNEL), Map.entry("outcome", Kind.OUTCOME));

    final String fileName;
    final List<Column> columns;

    Feed(org.fraudstats.ingest.Feed schema) {
        this.fileName = schema.fileName();
        this.columns = schema.columns().stream().map(name -> {
            Kind kind = KINDS.get(name);
            if (kind == null) {
                throw new IllegalStateException(schema.fileName() + ": the generator does not know column " + name);
            }
            return new Column(name, kind);
        }).toList();
    }
}
