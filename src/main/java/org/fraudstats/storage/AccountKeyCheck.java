package org.fraudstats.storage;

import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every load hashes account numbers under one key, and the TOTP keys are sealed under one derived from it; under
 * another, an account already counted would be counted again (every distinct-account figure from then on too high,
 * silently), and the enrolled administrators' and auditors' keys would not open. So the database keeps the key's
 * fingerprint (sql/storage/account-key-check.sql), and a load, `serve` and a TOTP enrolment under another key are
 * refused before they do anything: a home restored without its account.key (a new one is made when none is there) is
 * the case met.
 */
@Component
public class AccountKeyCheck {

    /** The shortest key given in FRAUDSTATS_ACCOUNT_KEY a new database takes, in bytes (the generated one has 32). */
    static final int SHORTEST = 32;

    private final AccountKey key;
    private final NamedParameterJdbcTemplate jdbc;

    AccountKeyCheck(AccountKey key, NamedParameterJdbcTemplate jdbc) {
        this.key = key;
        this.jdbc = jdbc;
    }

    /**
     * @param refused what the caller leaves undone, for the message ("nothing was loaded")
     * @throws WrongAccountKey when the database's recorded key is another; none recorded yet, this one is recorded
     */
    public void check(String refused) {
        String mine = key.fingerprint();
        if (key.source().equals("FRAUDSTATS_ACCOUNT_KEY") && key.material().length < SHORTEST
                && jdbc.queryForList(SqlFiles.load("storage/account-key-recorded.sql"), Map.of(), String.class).isEmpty()) {
            throw WrongAccountKey.tooShort(key.material().length, refused);
        }
        if (key.unconfirmed() && Boolean.TRUE.equals(jdbc.queryForObject(SqlFiles.load("storage/account-key-used-unrecorded.sql"),
                Map.of(), Boolean.class))) {
            key.unmake();
            throw WrongAccountKey.madeNow(key.source(), refused);
        }
        String recorded = jdbc.queryForObject(SqlFiles.load("storage/account-key-check.sql"), Map.of("fingerprint", mine), String.class);
        if (!mine.equals(recorded)) {
            throw new WrongAccountKey(key.source(), refused);
        }
        key.confirmed();
    }
}
