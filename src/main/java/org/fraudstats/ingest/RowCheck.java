package org.fraudstats.ingest;

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

    /** The staged values in the order of the staging table (null for SQL NULL), or a reason; never both. */
    record Result(String[] staged, String reason) {
        boolean good() {
            return reason == null;
        }
    }

    private final Feed feed;
    private final Map<String, Integer> positions;
    private final int headerSize;
    private final Catalog catalog;
    private final AccountNumbers accounts;
    /** Of each spec column (in the spec's order), its position in the header, or -1 when the header lacks it. */
    private final int[] at;
    private final int[] maxLength;
    private final boolean[] required;

    RowCheck(Feed feed, Map<String, Integer> positions, int headerSize, Catalog catalog, AccountNumbers accounts) {
        this.feed = feed;
        this.positions = positions;
        this.headerSize = headerSize;
        this.catalog = catalog;
        this.accounts = accounts;
        List<String> columns = feed.columns();
        this.at = new int[columns.size()];
        this.maxLength = new int[columns.size()];
        this.required = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Integer position = positions.get(columns.get(i));
            at[i] = position == null ? -1 : position;
            maxLength[i] = feed.maxLength(columns.get(i));
            required[i] = feed.required(columns.get(i));
        }
    }

    /** The indexes of the fields a row is checked by: the spec's columns where the header has them. */
    java.util.BitSet columnsRead() {
        java.util.BitSet read = new java.util.BitSet();
        for (int position : at) {
            if (position >= 0) {
                read.set(position);
            }
        }
        return read;
    }

    /**
     * The row's id as written, possibly empty (cli.md: rejects' record_id). In a row whose fields are shifted an
     * account number may stand where the id should, so every run of 12 or more digits is masked, but in an id shaped
     * as the case system's (FS2022102300123: letters, a date, a serial), which shows as written.
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

    /** Checks one row; safe to call from several threads at once (it keeps no state between rows). */
    Result check(CsvRecords.Record row) {
        if (row.fieldCount() != headerSize) {
            // a CR alone joining two records is the cause of their count, said so (the second record is in this row)
            return bad(row.strayCr() >= 0 ? RejectReason.STRAY_CR.rowLine(row.strayCr() + 1)
                    : RejectReason.FIELD_COUNT.rowLine(row.fieldCount(), headerSize));
        }
        List<String> fields = row.fields();
        String[] v = new String[at.length];
        for (int i = 0; i < at.length; i++) {
            v[i] = at[i] < 0 || at[i] >= fields.size() ? "" : fields.get(at[i]);
        }
        List<String> columns = feed.columns();
        for (int i = 0; i < at.length; i++) {
            String value = v[i];
            if (at[i] >= 0 && (row.cut(at[i])
                    || value.length() > maxLength[i] && value.codePointCount(0, value.length()) > maxLength[i])) {
                return bad(RejectReason.LONGER.line(columns.get(i), maxLength[i]));
            }
            // PostgreSQL text cannot hold a NUL: left in, it would fail the COPY of the whole drop
            if (value.indexOf('\u0000') >= 0) {
                return bad(RejectReason.NUL.line(columns.get(i)));
            }
        }
        for (int i = 0; i < at.length; i++) {
            if (required[i] && v[i].isEmpty()) {
                return bad(RejectReason.MISSING.line(columns.get(i)));
            }
        }
        return switch (feed) {
            case CASES -> checkCase(v);
            case FREEZES -> checkFreeze(v);
            case REFUNDS -> checkRefund(v);
            case WARNINGS -> checkWarning(v);
        };
    }

    // The checks below read the values by their index in Feed's column lists.

    /** case_id, reported_at, district_code, station, fraud_type, loss_amount, victim_age */
    private Result checkCase(String[] f) {
        String reportedAt = FieldFormats.timestamp(f[1]);
        if (reportedAt == null) {
            return bad(FieldFormats.timestampProblem(f[1]).line("reported_at"));
        }
        if (!catalog.isDistrict(f[2])) {
            return bad(RejectReason.UNKNOWN_DISTRICT.line("district_code"));
        }
        if (!catalog.isFraudType(f[4])) {
            return bad(RejectReason.UNKNOWN_FRAUD_TYPE.line("fraud_type"));
        }
        RejectReason money = FieldFormats.moneyProblem(f[5], true);
        if (money != null) {
            return bad(money.line("loss_amount"));
        }
        String age = f[6];
        if (!age.isEmpty()) {
            RejectReason problem = FieldFormats.ageProblem(age);
            if (problem != null) {
                return bad(problem.line("victim_age"));
            }
        }
        // the age as a plain number: PostgreSQL reads 0120 as well, but the staged text is then the number itself
        return good(f[0], reportedAt, f[2], emptyAsNull(freeText(f[3])), f[4], f[5], age.isEmpty() ? null : Integer.toString(Integer.parseInt(age)));
    }

    /** freeze_id, case_id, action, bank, account_no, amount, effective_at */
    private Result checkFreeze(String[] f) {
        if (!ACTIONS.contains(f[2])) {
            return bad(RejectReason.UNKNOWN_ACTION.line("action"));
        }
        RejectReason money = FieldFormats.moneyProblem(f[5], false);
        if (money != null) {
            return bad(money.line("amount"));
        }
        String effectiveAt = FieldFormats.timestamp(f[6]);
        if (effectiveAt == null) {
            return bad(FieldFormats.timestampProblem(f[6]).line("effective_at"));
        }
        String accountNo = f[4];
        return good(f[0], f[1], f[2], emptyAsNull(freeText(f[3])),
                "\\x" + HexFormat.of().formatHex(accounts.hmac(accountNo)), AccountNumbers.mask(accountNo),
                f[5], effectiveAt);
    }

    /** refund_id, case_id, amount, refunded_at */
    private Result checkRefund(String[] f) {
        RejectReason money = FieldFormats.moneyProblem(f[2], false);
        if (money != null) {
            return bad(money.line("amount"));
        }
        String refundedAt = FieldFormats.timestamp(f[3]);
        if (refundedAt == null) {
            return bad(FieldFormats.timestampProblem(f[3]).line("refunded_at"));
        }
        return good(f[0], f[1], f[2], refundedAt);
    }

    /** warning_id, issued_at, district_code, channel, outcome */
    private Result checkWarning(String[] f) {
        String issuedAt = FieldFormats.timestamp(f[1]);
        if (issuedAt == null) {
            return bad(FieldFormats.timestampProblem(f[1]).line("issued_at"));
        }
        if (!catalog.isDistrict(f[2])) {
            return bad(RejectReason.UNKNOWN_DISTRICT.line("district_code"));
        }
        if (!CHANNELS.contains(f[3])) {
            return bad(RejectReason.UNKNOWN_CHANNEL.line("channel"));
        }
        if (!OUTCOMES.contains(f[4])) {
            return bad(RejectReason.UNKNOWN_OUTCOME.line("outcome"));
        }
        return good(f[0], issuedAt, f[2], f[3], f[4]);
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
        v = AccountNumbers.maskByColumn(column, v);
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
        return new Result(staged, null);
    }

    private static Result bad(String reason) {
        return new Result(null, reason);
    }
}
