package org.fraudstats.bulletin.publish;

import java.util.Arrays;
import java.util.Map;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.settings.InvalidSetting;
import org.fraudstats.storage.SqlFiles;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on a city code other than the one the published bulletins were published under: each bulletin
 * rendered again listed the old city's row as gone and the new one's as come (440600 电诈警情 11 → —, 广州市 电诈警情
 * — → 11), a revision mailed as a correction though no figure moved (tester). A deployment keeps its city code.
 */
@Component
class PublishedUnderThisCity implements SmartInitializingSingleton {

    private final NamedParameterJdbcTemplate jdbc;
    private final Catalog catalog;

    PublishedUnderThisCity(NamedParameterJdbcTemplate jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** Once every bean is made (the migrations run), before serve's port or a schedule starts. */
    @Override
    public void afterSingletonsInstantiated() {
        jdbc.query(SqlFiles.load("bulletin/published-under-another-city.sql"), Map.of("city", catalog.cityCode()), (RowCallbackHandler) rs -> {
            String earlier = Arrays.stream(rs.getString("areas").split(",")).filter(code -> !catalog.isArea(code))
                    .reduce((a, b) -> a + ", " + b).orElse("another code");
            long bulletins = rs.getLong("bulletins");
            throw new InvalidSetting("fraudstats.catalog.city-code", catalog.cityCode() + " is not the code " + bulletins
                    + (bulletins == 1 ? " bulletin was" : " bulletins were") + " published under (the latest, the " + rs.getString("kind")
                    + " of " + rs.getObject("date_to") + " r" + rs.getInt("revision") + ", has areas " + earlier
                    + " the catalogue lacks): each rendered again would be a revision though no figure moved; keep the city's code");
        });
    }
}
