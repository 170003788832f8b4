package org.fraudstats.ingest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fraudstats.catalog.Catalog;

/**
 * Rule 3 of feeds.md for one row: either the typed values to stage, or the first reason the row is bad
 * (fields are checked in the spec's column order, so the reason is stable). Account numbers are turned into
 * HMAC and mask here, so no later stage ever sees one in clear.
 */
final class RowCheck {

    private static final Set<String> ACTIONS = Set.of("STOP_PAYMENT", "FREEZE");
    private static final Set<String> CHANNELS = Set.of("SMS", "CALL", "VISIT", "APP");
    private static final Set<String> OUTCOMES = Set.of("DISSUADED", "UNREACHED", "ALREADY_DEFRAUDED");

    /** The staged values in the order of the staging table, or a reason; never both. */
    record Result(List<String> staged, String reason) {
        boolean good() {
            return reason == null;
        }
    }

    private final Feed feed;
    private final Map<String, Integer> positions;
    private final int headerSize;
    private final Catalog catalog;
    private final AccountNumbers accounts;

    RowCheck(Feed feed, Map<String, Integer> positions, int headerSize, Catalog catalog, AccountNumbers accounts) {
        this.feed = feed;
        this.positions = positions;
        this.headerSize = headerSize;
        this.catalog = catalog;
        this.accounts = accounts;
    }

    /**
     * The row's id as written, possibly empty (cli.md: rejects' record_id). In a row whose fields are shifted an
     * account number may stand where the id should, so every run of 12 or more digits is masked: an id such as
     * FS2022102300123 shows as FS*********0123, and the file and line still point at the row.
     */
    String recordId(CsvRecords.Record row) {
        return listed(feed.idColumn(), value(row.fields(), feed.idColumn()));
    }

    /**
     * The row's values by spec column, account numbers masked: what a rejects listing may show. A row with the
     * wrong number of fields has its values under the wrong names, so every value is searched for runs of digits
     * that may be account numbers, not only account_no.
     */
    Map<String, String> maskedValues(CsvRecords.Record row) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String column : feed.columns()) {
            values.put(column, listed(column, value(row.fields(), column)));
        }
        return values;
    }

    Result check(CsvRecords.Record row) {
        List<String> fields = row.fields();
        if (row.fieldCount() != headerSize) {
            return bad("row has " + row.fieldCount() + " fields, header has " + headerSize);
        }
        for (String column : feed.columns()) {
            Integer at = positions.get(column);
            String v = value(fields, column);
            if (at != null && (row.cut(at) || v.codePointCount(0, v.length()) > feed.maxLength(column))) {
                return bad(column + ": longer than " + feed.maxLength(column) + " characters");
            }
            // PostgreSQL text cannot hold a NUL: left in, it would fail the COPY of the whole drop
            if (v.indexOf('\u0000') >= 0) {
                return bad(column + ": contains a NUL character");
            }
        }
        for (String column : feed.columns()) {
            if (feed.required(column) && value(fields, column).isEmpty()) {
                return bad(column + ": missing");
            }
        }
        return switch (feed) {
            case CASES -> checkCase(fields);
            case FREEZES -> checkFreeze(fields);
            case REFUNDS -> checkRefund(fields);
            case WARNINGS -> checkWarning(fields);
        };
    }

    private Result checkCase(List<String> f) {
        OffsetDateTime reportedAt = FieldFormats.timestamp(value(f, "reported_at"));
        if (reportedAt == null) {
            return bad("reported_at: not an ISO-8601 timestamp");
        }
        if (!catalog.isDistrict(value(f, "district_code"))) {
            return bad("district_code: unknown district");
        }
        if (!catalog.isFraudType(value(f, "fraud_type"))) {
            return bad("fraud_type: unknown fraud type");
        }
        String money = FieldFormats.moneyProblem(value(f, "loss_amount"), true);
        if (money != null) {
            return bad("loss_amount: " + money);
        }
        String age = value(f, "victim_age");
        if (!age.isEmpty()) {
            String problem = FieldFormats.ageProblem(age);
            if (problem != null) {
                return bad("victim_age: " + problem);
            }
        }
        return good(value(f, "case_id"), reportedAt.toString(), value(f, "district_code"), emptyAsNull(freeText(value(f, "station"))),
                value(f, "fraud_type"), value(f, "loss_amount"), emptyAsNull(age));
    }

    private Result checkFreeze(List<String> f) {
        if (!ACTIONS.contains(value(f, "action"))) {
            return bad("action: unknown action");
        }
        String money = FieldFormats.moneyProblem(value(f, "amount"), false);
        if (money != null) {
            return bad("amount: " + money);
        }
        OffsetDateTime effectiveAt = FieldFormats.timestamp(value(f, "effective_at"));
        if (effectiveAt == null) {
            return bad("effective_at: not an ISO-8601 timestamp");
        }
        String accountNo = value(f, "account_no");
        return good(value(f, "freeze_id"), value(f, "case_id"), value(f, "action"), emptyAsNull(freeText(value(f, "bank"))),
                "\\x" + HexFormat.of().formatHex(accounts.hmac(accountNo)), AccountNumbers.mask(accountNo),
                value(f, "amount"), effectiveAt.toString());
    }

    private Result checkRefund(List<String> f) {
        String money = FieldFormats.moneyProblem(value(f, "amount"), false);
        if (money != null) {
            return bad("amount: " + money);
        }
        OffsetDateTime refundedAt = FieldFormats.timestamp(value(f, "refunded_at"));
        if (refundedAt == null) {
            return bad("refunded_at: not an ISO-8601 timestamp");
        }
        return good(value(f, "refund_id"), value(f, "case_id"), value(f, "amount"), refundedAt.toString());
    }

    private Result checkWarning(List<String> f) {
        OffsetDateTime issuedAt = FieldFormats.timestamp(value(f, "issued_at"));
        if (issuedAt == null) {
            return bad("issued_at: not an ISO-8601 timestamp");
        }
        if (!catalog.isDistrict(value(f, "district_code"))) {
            return bad("district_code: unknown district");
        }
        if (!CHANNELS.contains(value(f, "channel"))) {
            return bad("channel: unknown channel");
        }
        if (!OUTCOMES.contains(value(f, "outcome"))) {
            return bad("outcome: unknown outcome");
        }
        return good(value(f, "warning_id"), issuedAt.toString(), value(f, "district_code"), value(f, "channel"), value(f, "outcome"));
    }

    private String value(List<String> fields, String column) {
        Integer at = positions.get(column);
        return at == null || at >= fields.size() ? "" : fields.get(at);
    }

    /**
     * What a listing shows of a value: masked as an account number may be there, a NUL (which PostgreSQL text
     * cannot hold) as U+2400 SYMBOL FOR NULL, and no more than the column's maximum length, then "…". Masking
     * comes first, on the whole kept value, so the cut cannot leave the beginning of a long run of digits in clear.
     */
    private String listed(String column, String value) {
        String v = value.replace('\u0000', '\u2400');
        v = column.equals("account_no") ? AccountNumbers.mask(v) : AccountNumbers.maskDigitRuns(v);
        int max = feed.maxLength(column);
        if (v.codePointCount(0, v.length()) <= max) {
            return v;
        }
        return v.substring(0, v.offsetByCodePoints(0, max)) + "…";
    }

    /** Free text may hold an account number typed by hand; it is masked before it reaches the database. */
    private static String freeText(String value) {
        return AccountNumbers.maskDigitRuns(value);
    }

    private static String emptyAsNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static Result good(String... staged) {
        List<String> values = new ArrayList<>(staged.length);
        for (String s : staged) {
            values.add(s);
        }
        return new Result(values, null);
    }

    private static Result bad(String reason) {
        return new Result(null, reason);
    }
}
