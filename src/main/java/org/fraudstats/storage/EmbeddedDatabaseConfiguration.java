package org.fraudstats.storage;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no SPRING_DATASOURCE_URL, fraudstats runs its own PostgreSQL (real binaries, zonky) with its data
 * under $FRAUDSTATS_HOME/pgdata, kept between runs. Boot's own DataSource backs off because this one exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(FraudstatsHome home) {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(home.resolve("pgdata"))
                    .setCleanDataDirectory(false)
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "50")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL under " + home.resolve("pgdata")
                    + " (is another fraudstats using this FRAUDSTATS_HOME?): " + e.getMessage(), e);
        }
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(8);
        config.setPoolName("fraudstats-embedded");
        return new HikariDataSource(config);
    }
}
