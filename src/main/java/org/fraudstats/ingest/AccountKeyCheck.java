package org.fraudstats.ingest;

import java.util.Map;

import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every load hashes account numbers under one key; under another, an account already counted would be counted
 * again, and every distinct-account figure from then on would be too high, silently. So the database keeps the
 * key's fingerprint (sql/ingest/account-key-check.sql) and a load under another key is refused before it reads a
 * row: a home restored without its account.key (a new one is made when none is there) is the case met.
 */
@Component
class AccountKeyCheck {

    private final AccountNumbers accounts;
    private final NamedParameterJdbcTemplate jdbc;

    AccountKeyCheck(AccountNumbers accounts, NamedParameterJdbcTemplate jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /** @throws WrongAccountKey when the database's accounts were hashed under another key */
    void check() {
        String mine = accounts.fingerprint();
        String recorded = jdbc.queryForObject(SqlFiles.load("ingest/account-key-check.sql"), Map.of("fingerprint", mine), String.class);
        if (!mine.equals(recorded)) {
            throw new WrongAccountKey();
        }
    }
}
