package org.fraudstats.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or a stop signal during a command. The JVM closes the application (its shutdown hook) while the command
 * runs on, so the command then failed on the closed pool, and said so: "drop 2021-10-12 not loaded: HikariDataSource
 * (fraudstats-embedded) has been closed" (r36c L6), which reads as a database fault. The command's line says it was
 * interrupted instead; this hook waits a moment for that line, and says it alone when the command has not failed yet
 * (the JVM stops once every hook has ended, so a line the command had not printed by then was lost).
 */
final class Interruption {

    static final String SAID = "interrupted (Ctrl-C or a stop signal): what it had not finished was rolled back; run the same command again";

    private static volatile boolean signalled;
    private static volatile boolean expected;
    private static final CountDownLatch LINE_SAID = new CountDownLatch(1);

    private Interruption() {
    }

    static boolean signalled() {
        return signalled;
    }

    /**
     * A signal is how this command ends (serve: `systemctl stop`): nothing to say of it. The line told an operator who
     * had stopped the service as the README says to run it again (r37e).
     */
    static void expected() {
        expected = true;
    }

    /** The command's own line has been printed: the hook need not wait for it, nor say it. */
    static void lineSaid() {
        LINE_SAID.countDown();
    }

    /** A hook for the JVM's shutdown; removed before a command's own System.exit, which would run it too. */
    static Thread hook(PrintWriter err) {
        return new Thread(() -> {
            if (expected) {
                return;
            }
            signalled = true;
            try {
                if (!LINE_SAID.await(2, TimeUnit.SECONDS)) {
                    err.println("fraudstats: " + SAID);
                    err.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fraudstats-interrupted");
    }
}
