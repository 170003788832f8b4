package org.fraudstats.storage;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The fact tables' change counters as one string (sql/storage/fact-version.sql): whatever is computed from the
 * facts and remembered across transactions is valid exactly as long as this string is unchanged. Read inside
 * the transaction whose snapshot the remembered figures are compared with.
 */
@Component
public class FactVersion {

    private final JdbcTemplate jdbc;

    FactVersion(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String current() {
        return jdbc.queryForObject(SqlFiles.load("storage/fact-version.sql"), String.class);
    }
}
