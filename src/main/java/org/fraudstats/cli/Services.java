package org.fraudstats.cli;

import java.util.function.Supplier;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application context, started only when a command first needs it: usage errors and --help answer at
 * once, without starting PostgreSQL.
 */
public final class Services implements AutoCloseable {

    private final Supplier<ConfigurableApplicationContext> starter;
    private final boolean owned;
    private ConfigurableApplicationContext context;

    /** @param owned whether closing these services stops the context (false when a test lends its own) */
    public Services(Supplier<ConfigurableApplicationContext> starter, boolean owned) {
        this.starter = starter;
        this.owned = owned;
    }

    public <T> T get(Class<T> type) {
        if (context == null) {
            context = starter.get();
        }
        return context.getBean(type);
    }

    @Override
    public void close() {
        if (context != null && owned) {
            context.close();
        }
    }
}
