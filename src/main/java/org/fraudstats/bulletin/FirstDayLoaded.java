package org.fraudstats.bulletin;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The first day anything was loaded for (sql/bulletin/first-day-of-data.sql): before it the centre has no records, so
 * neither a press headline nor a rerun from the portal gives figures for it, and 异常提示 does not count its zeros.
 */
@Component
public class FirstDayLoaded {

    private final NamedParameterJdbcTemplate jdbc;

    FirstDayLoaded(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty while nothing has been loaded. */
    public Optional<LocalDate> get() {
        return Optional.ofNullable(jdbc.queryForObject(SqlFiles.load("bulletin/first-day-of-data.sql"), Map.of(), LocalDate.class));
    }
}
