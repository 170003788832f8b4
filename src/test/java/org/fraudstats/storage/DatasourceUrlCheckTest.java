package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

/**
 * A URL with its user and password before the host is refused before anything connects, whatever the password holds
 * (review r43e: a / ? or # in it slipped past the first check, and the driver or the pool printed the URL).
 */
class DatasourceUrlCheckTest {

    private static Object checked(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        return new DatasourceUrlCheck().postProcessBeforeInitialization(pool, "dataSource");
    }

    @Test
    void refusesAUserBeforeTheHost_whateverItsPasswordHolds() {
        for (String url : new String[] {"jdbc:postgresql://app:Pw-1@db:5432/fraudstats", "jdbc:postgresql://app:a/b@db:5432/x",
                "jdbc:postgresql://app:a?b@db/x", "jdbc:postgresql://app:a#b@db:5432/x", "JDBC:POSTGRESQL://app:pw@db/x",
                "jdbc:postgresql:app:pw@db/x", "  jdbc:postgresql://app:pw@db/x", "jdbc:postgresql://app@db/x"}) {
            assertThatThrownBy(() -> checked(url)).as(url).isInstanceOf(DatabaseUnavailable.class)
                    .hasMessageStartingWith("SPRING_DATASOURCE_URL names a user (and password) before its host")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw", "Pw-1", "a/b", "a?b", "a#b"));
        }
    }

    @Test
    void leavesAnAtInAParameterAlone() {
        for (String url : new String[] {"jdbc:postgresql://db:5432/fraudstats", "jdbc:postgresql://db/x?sslpassword=x@y",
                "jdbc:postgresql://db/x?options=a@b", "jdbc:postgresql://db/x?user=app&password=p@ss"}) {
            assertThat(checked(url)).as(url).isInstanceOf(HikariDataSource.class);
        }
    }
}
