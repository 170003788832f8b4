package org.fraudstats.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application context, started only when a command first needs it: usage errors and --help answer at
 * once, without starting PostgreSQL.
 */
public final class Services implements AutoCloseable {

    private final Function<String[], ConfigurableApplicationContext> starter;
    private final boolean owned;
    private final List<String> arguments = new ArrayList<>();
    private ConfigurableApplicationContext context;
    private java.io.InputStream input = System.in;
    private boolean tried;
    private String outcome;
    private String refusal;

    /** @param owned whether closing these services stops the context (false when a test lends its own) */
    public Services(Supplier<ConfigurableApplicationContext> starter, boolean owned) {
        this(args -> starter.get(), owned);
    }

    /** @param starter starts the context with extra command-line properties (e.g. --fraudstats.home=…) */
    public Services(Function<String[], ConfigurableApplicationContext> starter, boolean owned) {
        this.starter = starter;
        this.owned = owned;
    }

    /**
     * What a command that succeeded left undone, for its audit record's result (success: data not arrived: …), as the
     * schedule and the portal record the same outcome.
     */
    void outcome(String detail) {
        this.outcome = detail;
    }

    String outcome() {
        return outcome;
    }

    /**
     * Why a change of a user was refused (a weak password), for its audit record's result, as the portal records it:
     * `failure: exit 2` alone told the auditor nothing of why (r42b).
     */
    void refused(String why) {
        this.refusal = why;
    }

    String refusal() {
        return refusal;
    }

    /** A property for the context, before it starts (the demo runs in a home of its own). */
    void beforeStart(String property, String value) {
        if (context == null) {
            arguments.add("--" + property + "=" + value);
        }
    }

    /** Standard input for the commands that read it (--password-stdin); a test lends its own. */
    public Services input(java.io.InputStream in) {
        this.input = in;
        return this;
    }

    java.io.InputStream input() {
        return input;
    }

    /** Whether a command has started the context: it opened the database. */
    boolean started() {
        return context != null;
    }

    /** Whether a command tried to start the context, whether or not it could (a database that would not start). */
    boolean tried() {
        return tried;
    }

    public <T> T get(Class<T> type) {
        if (context == null) {
            tried = true;
            context = starter.apply(arguments.toArray(String[]::new));
        }
        return context.getBean(type);
    }

    /** A service of the context when a command started it and the context has one (the embedded server), else none. */
    <T> java.util.Optional<T> ifStarted(Class<T> type) {
        return context == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(context.getBeanProvider(type).getIfAvailable());
    }

    @Override
    public void close() {
        if (context != null && owned) {
            context.close();
        }
    }
}
