package org.fraudstats.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.fraudstats.FraudstatsApplication;
import org.fraudstats.bulletin.Rerun;
import org.fraudstats.catalog.Catalog;
import org.fraudstats.ingest.DailyRollups;
import org.fraudstats.ingest.Ingest;
import org.fraudstats.metrics.Figures;
import org.fraudstats.settings.FraudstatsSettings;
import org.fraudstats.storage.FraudstatsHome;
import org.fraudstats.storage.SqlFiles;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The only way into the bench: it starts an application of its own whose FRAUDSTATS_HOME is a fresh throwaway
 * directory, so its embedded PostgreSQL is a new server holding nothing but what the bench puts there, and it
 * deletes that directory when the run ends, however it ends. It refuses a configured database
 * (spring.datasource.url, e.g. SPRING_DATASOURCE_URL) before anything starts: the bench empties tables between
 * measurements and must never be pointed at real data.
 */
public final class ThrowawayBench {

    /** Raised, before anything is created or started, when a database is configured. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private ThrowawayBench() {
    }

    /** @param bulletinDays how many daily bulletins (the year's last) to render; null for the scale's own number */
    public static BenchReport run(BenchScale scale, int years, Integer bulletinDays, Consumer<String> log) throws Exception {
        IntoThrowawayHome home = new IntoThrowawayHome();
        SpringApplication application = new SpringApplication(FraudstatsApplication.class);
        application.addListeners(home);
        // Ctrl-C stops the bench's PostgreSQL and deletes its directory too; kill -9 leaves it to the next run
        application.setRegisterShutdownHook(false);
        Thread onExit = new Thread(home::close, "bench-throwaway-cleanup");
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            home.context = application.run();
            ConfigurableApplicationContext context = home.context;
            requireOwnServer(context.getBean(JdbcTemplate.class), home.throwaway.root());
            log.accept("throwaway home " + home.throwaway.root() + " (deleted after the run)");
            Bench bench = new Bench(context.getBean(Ingest.class), context.getBean(DailyRollups.class), context.getBean(Figures.class), context.getBean(Rerun.class),
                    context.getBean(JdbcTemplate.class), context.getBean(NamedParameterJdbcTemplate.class),
                    context.getBean(DataSource.class), context.getBean(Catalog.class), context.getBean(FraudstatsHome.class),
                    context.getBean(FraudstatsSettings.class).renderThreads());
            return bench.run(scale, years, bulletinDays == null ? scale.bulletinDays() : bulletinDays, log);
        } finally {
            home.close();
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException exiting) {
                // the JVM is already shutting down: the hook runs (and finds everything closed)
            }
        }
    }

    /**
     * The server the bench talks to keeps its data inside the throwaway directory: proof that it is the embedded
     * PostgreSQL started there, whatever configuration a future change brings.
     */
    private static void requireOwnServer(JdbcTemplate jdbc, Path root) throws IOException {
        Path dataDirectory = Path.of(jdbc.queryForObject(SqlFiles.load("bench/data-directory.sql"), String.class));
        if (!dataDirectory.toRealPath().startsWith(root.toRealPath())) {
            throw new IllegalStateException("bench refused: its database keeps its data in " + dataDirectory
                    + ", not in the bench's throwaway directory " + root);
        }
    }

    /**
     * Once the application's environment is known (command line, environment variables, application.properties):
     * refuses a configured database, makes the throwaway directory under the real FRAUDSTATS_HOME and makes it
     * the application's home, above every other source.
     */
    private static final class IntoThrowawayHome implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

        private ThrowawayHome throwaway;
        private ConfigurableApplicationContext context;

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            ConfigurableEnvironment environment = event.getEnvironment();
            String url = environment.getProperty("spring.datasource.url");
            if (url != null && !url.isBlank()) {
                throw new Refused("SPRING_DATASOURCE_URL (spring.datasource.url) is set, and the bench runs only on a "
                        + "PostgreSQL of its own in a throwaway directory (it empties tables between measurements): unset it");
            }
            try {
                throwaway = ThrowawayHome.create(Path.of(environment.getRequiredProperty("fraudstats.home")));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the bench's throwaway directory: " + e.getMessage(), e);
            }
            environment.getPropertySources().addFirst(new MapPropertySource(org.fraudstats.storage.EmbeddedDatabaseConfiguration.THROWAWAY,
                    // a database refilled at every step and deleted afterwards: fsync off, stated in the table it prints
                    Map.of("fraudstats.home", throwaway.root().toString(), "fraudstats.embedded.durable", "false")));
        }

        /** Stops the application (and its PostgreSQL) first, then deletes the directory it ran in. */
        synchronized void close() {
            try {
                if (context != null) {
                    context.close();
                }
            } finally {
                if (throwaway != null) {
                    throwaway.close();
                }
            }
        }
    }
}
