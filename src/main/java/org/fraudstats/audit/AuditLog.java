package org.fraudstats.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.fraudstats.settings.BusinessTime;
import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the audit log for the auditor (`./fraudstats audit`, the audit page, /api/v1/audit), oldest first and
 * streamed: six months of sign-ins and reads never sit in memory at once.
 */
@Component
public class AuditLog {

    /** Rows per round trip; PostgreSQL streams only inside a transaction with a fetch size. */
    private static final int FETCH = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    AuditLog(DataSource dataSource, PlatformTransactionManager transactions) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(FETCH);
        this.jdbc = new NamedParameterJdbcTemplate(streaming);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * The events of the business days {@code from} to {@code to} (inclusive, Asia/Shanghai); both null for all.
     */
    public void read(LocalDate from, LocalDate to, Consumer<AuditRecord> each) {
        OffsetDateTime start = (from == null ? LocalDate.of(1970, 1, 1) : from).atStartOfDay(BusinessTime.ZONE).toOffsetDateTime();
        OffsetDateTime end = (to == null ? LocalDate.of(9999, 1, 1) : to.plusDays(1)).atStartOfDay(BusinessTime.ZONE).toOffsetDateTime();
        readOnly.executeWithoutResult(status -> jdbc.query(SqlFiles.load("audit/events-between.sql"),
                Map.of("from", start, "to", end),
                rs -> {
                    each.accept(new AuditRecord(rs.getObject("time", OffsetDateTime.class), rs.getString("user_name"),
                            rs.getString("role"), rs.getString("client"), rs.getString("action"), rs.getString("object"),
                            rs.getString("result")));
                }));
    }
}
