package org.fraudstats.web.portal;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.fraudstats.storage.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The first day anything was loaded for (sql/web/first-day-of-data.sql): before it the centre has no records, so
 * neither a press headline (PublishedHeadline) nor a rerun from the portal (Reruns) gives figures for it.
 */
@Component
class FirstDayLoaded {

    private final NamedParameterJdbcTemplate jdbc;

    FirstDayLoaded(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty while nothing has been loaded. */
    Optional<LocalDate> get() {
        return Optional.ofNullable(jdbc.queryForObject(SqlFiles.load("web/first-day-of-data.sql"), Map.of(), LocalDate.class));
    }
}
