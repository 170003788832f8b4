package org.fraudstats.storage;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a listing that may be long (the audit log, the rejects) row by row. pgjdbc holds a whole result in memory
 * unless the statement has a fetch size and runs inside a transaction; this gives both, read-only.
 */
@Component
public class StreamedQuery {

    /** Rows per round trip. */
    private static final int FETCH = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    StreamedQuery(DataSource dataSource, PlatformTransactionManager transactions) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(FETCH);
        this.jdbc = new NamedParameterJdbcTemplate(streaming);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Runs {@code sql} with {@code params}, handing each row to {@code each} as it arrives. */
    public void forEachRow(String sql, Map<String, ?> params, RowCallbackHandler each) {
        readOnly.executeWithoutResult(status -> jdbc.query(sql, params, each));
    }
}
