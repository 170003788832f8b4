package org.fraudstats.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import org.fraudstats.settings.BusinessTime;
import org.springframework.jdbc.core.RowMapper;

/** A row of list-users.sql, find-user.sql or find-token-user.sql as a {@link UserAccount}. */
final class UserRows {

    static final RowMapper<UserAccount> ACCOUNT = UserRows::account;

    private UserRows() {
    }

    static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getString("name"), Role.ofCode(rs.getString("role")).orElseThrow(),
                rs.getBoolean("enabled"), rs.getBoolean("totp_enrolled"), rs.getBoolean("totp_confirmed"),
                beijing(rs.getObject("locked_until", OffsetDateTime.class)), beijing(rs.getObject("created_at", OffsetDateTime.class)),
                rs.getBoolean("password_change_due"), beijing(rs.getObject("last_signed_in_at", OffsetDateTime.class)));
    }

    /**
     * pgjdbc gives a timestamptz at offset +00:00; pages and commands show Foshan's time, so a token made at 07:30
     * reads 07:30 and a user made before 08:00 is not dated the day before.
     */
    static OffsetDateTime beijing(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(BusinessTime.ZONE).toOffsetDateTime();
    }
}
