package org.fraudstats.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.RowMapper;

/** A row of list-users.sql, find-user.sql or find-token-user.sql as a {@link UserAccount}. */
final class UserRows {

    static final RowMapper<UserAccount> ACCOUNT = UserRows::account;

    private UserRows() {
    }

    static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getString("name"), Role.ofCode(rs.getString("role")).orElseThrow(),
                rs.getBoolean("enabled"), rs.getBoolean("totp_enrolled"), rs.getBoolean("totp_confirmed"),
                rs.getObject("locked_until", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class));
    }
}
