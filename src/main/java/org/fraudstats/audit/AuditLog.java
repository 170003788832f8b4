package org.fraudstats.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Consumer;

import org.fraudstats.settings.BusinessTime;
import org.fraudstats.storage.SqlFiles;
import org.fraudstats.storage.StreamedQuery;
import org.springframework.stereotype.Component;

/**
 * Reads the audit log for the auditor (`./fraudstats audit`, the audit page, /api/v1/audit), oldest first and
 * streamed: six months of sign-ins and reads never sit in memory at once.
 */
@Component
public class AuditLog {

    private final StreamedQuery query;

    AuditLog(StreamedQuery query) {
        this.query = query;
    }

    /**
     * The events of the business days {@code from} to {@code to} (inclusive, Asia/Shanghai); both null for all.
     */
    public void read(LocalDate from, LocalDate to, Consumer<AuditRecord> each) {
        OffsetDateTime start = (from == null ? LocalDate.of(1970, 1, 1) : from).atStartOfDay(BusinessTime.ZONE).toOffsetDateTime();
        OffsetDateTime end = (to == null ? LocalDate.of(9999, 1, 1) : to.plusDays(1)).atStartOfDay(BusinessTime.ZONE).toOffsetDateTime();
        query.forEachRow(SqlFiles.load("audit/events-between.sql"),
                Map.of("from", start, "to", end),
                rs -> {
                    each.accept(new AuditRecord(rs.getObject("time", OffsetDateTime.class), rs.getString("user_name"),
                            rs.getString("role"), rs.getString("client"), rs.getString("action"), rs.getString("object"),
                            rs.getString("result")));
                });
    }
}
