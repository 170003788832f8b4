package org.fraudstats.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every process's look, every few seconds, at the embedded PostgreSQL it uses: gone (its postmaster killed), it is
 * started again on the same port, and the pools reconnect by themselves, so the portal answers again within seconds,
 * as any command run after a kill -9 works at once. A command whose server was killed under it fails what it was
 * doing, but records that failure at once: a rerun waited the pool's 30 s for a connection for each of its steps to
 * record its failure, 7.5 minutes in all (trial of the watch). A server stopped by hand while a process uses it is
 * started again too: stop the processes instead, and the last one out stops it.
 */
public final class EmbeddedServerWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServerWatch.class);
    static final Duration EVERY = Duration.ofSeconds(5);
    /** A start that keeps failing is said again this often, not every few seconds. */
    private static final Duration REPEAT_FAILURE = Duration.ofMinutes(10);

    private final EmbeddedServer server;
    private ScheduledExecutorService looking;
    private Instant failureSaid;

    EmbeddedServerWatch(EmbeddedServer server) {
        this.server = server;
    }

    public synchronized void start() {
        if (looking != null) {
            return;
        }
        looking = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-postgres-watch");
            thread.setDaemon(true);
            return thread;
        });
        looking.scheduleWithFixedDelay(this::look, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One look: started again when gone, said in one line either way. */
    void look() {
        try {
            int port = server.startAgainIfGone();
            if (port > 0) {
                log.warn("the embedded PostgreSQL had stopped (its process gone): started again on 127.0.0.1:{}", port);
                failureSaid = null;
            }
        } catch (java.io.IOException | RuntimeException e) {
            Instant now = Instant.now();
            if (failureSaid == null || now.isAfter(failureSaid.plus(REPEAT_FAILURE))) {
                failureSaid = now;
                log.error("the embedded PostgreSQL has stopped and could not be started again (tried every {} s): {}",
                        EVERY.toSeconds(), e.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() {
        if (looking != null) {
            looking.shutdownNow();
        }
    }
}
