package org.fraudstats.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.fraudstats.settings.FraudstatsSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no SPRING_DATASOURCE_URL, fraudstats runs its own PostgreSQL (real binaries shipped by zonky's artifact)
 * with its data under $FRAUDSTATS_HOME/pgdata, kept between runs: see {@link EmbeddedServer}. Boot's own
 * DataSource backs off because this one exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    /** Durable unless the settings say otherwise, which only the bench's throwaway database does (README, Benchmarks). */
    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedPostgres(FraudstatsHome home, FraudstatsSettings settings) {
        return EmbeddedServer.start(home.root(), PostgresBinaries.in(settings.cache()), settings.embedded().durable());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedServer postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl());
        config.setUsername(EmbeddedServer.USER);
        config.setPassword(postgres.password());
        config.setMaximumPoolSize(8);
        config.setPoolName("fraudstats-embedded");
        return new HikariDataSource(config);
    }
}
