package org.fraudstats.storage;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.fraudstats.settings.FraudstatsSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * With no SPRING_DATASOURCE_URL, fraudstats runs its own PostgreSQL (real binaries shipped by zonky's artifact)
 * with its data under $FRAUDSTATS_HOME/pgdata, kept between runs: see {@link EmbeddedServer}. Boot's own
 * DataSource backs off because this one exists. The application connects as {@link EmbeddedServer#APPLICATION_USER},
 * which owns nothing; Flyway alone connects as the superuser, the owner of every object.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfiguration {

    /**
     * The name of the property source through which the bench alone makes its throwaway database not durable
     * (bench/ThrowawayBench).
     */
    public static final String THROWAWAY = "bench throwaway home";

    /**
     * Durable unless the bench's throwaway database (README, Benchmarks). fraudstats.embedded.durable=false from a
     * deployment's file, the environment or -D ran the production database with fsync off, its application as the
     * superuser and no watch, said nowhere (review 32b): refused in one line.
     */
    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedPostgres(FraudstatsHome home, FraudstatsSettings settings, org.springframework.core.env.ConfigurableEnvironment environment) {
        if (!settings.embedded().durable()) {
            org.springframework.core.env.PropertySource<?> bench = environment.getPropertySources().get(THROWAWAY);
            if (bench == null || !"false".equals(String.valueOf(bench.getProperty("fraudstats.embedded.durable")))) {
                throw new IllegalStateException("fraudstats.embedded.durable (FRAUDSTATS_EMBEDDED_DURABLE): false is the bench's "
                        + "throwaway database alone; the home's PostgreSQL is durable (fsync on): remove the setting");
            }
        }
        // before the programs are unpacked into the cache (review r42e) and before the home is made: a refused home
        // left an empty folder chain behind (r42f)
        ShellSafePath.require(settings.home(), "the home");
        return EmbeddedServer.start(home.root(), PostgresBinaries.in(settings.cache()), settings.embedded().durable());
    }

    /** Closed before the server is left; none for the bench's throwaway server, which nothing should outlive. */
    @Bean(destroyMethod = "close")
    EmbeddedServerWatch embeddedPostgresWatch(EmbeddedServer postgres, FraudstatsSettings settings) {
        EmbeddedServerWatch watch = new EmbeddedServerWatch(postgres);
        if (settings.embedded().durable()) {
            watch.start();
        }
        return watch;
    }

    /**
     * The application's pool. The bench's throwaway server (not durable) alone connects as the superuser: it
     * creates its own tables, empties and vacuums the facts between measurements, and holds nothing real.
     */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedServer postgres, FraudstatsSettings settings, org.springframework.core.env.Environment environment) {
        boolean throwaway = !settings.embedded().durable();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl());
        config.setUsername(throwaway ? EmbeddedServer.USER : EmbeddedServer.APPLICATION_USER);
        config.setPassword(throwaway ? postgres.password() : postgres.applicationPassword());
        // serve's is larger (cli/ServeCommand), the same setting as an external PostgreSQL's pool
        config.setMaximumPoolSize(environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 8));
        config.setPoolName("fraudstats-embedded");
        // read committed as an external server's connections are (application.properties), whatever the database's default
        config.setConnectionInitSql(environment.getProperty("spring.datasource.hikari.connection-init-sql"));
        config.setTransactionIsolation(environment.getProperty("spring.datasource.hikari.transaction-isolation"));
        config.addDataSourceProperty("ApplicationName", ApplicationName.name());
        return new HikariDataSource(config);
    }

    /**
     * The migrations' connection, as the owner: no pool, so no superuser connection stays open once Flyway is
     * done. Not a candidate for anything but Flyway, so every other bean gets the application's pool.
     */
    @Bean(defaultCandidate = false)
    @FlywayDataSource
    DataSource flywayDataSource(EmbeddedServer postgres) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), postgres.jdbcUrl(), EmbeddedServer.USER, postgres.password());
    }
}
