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
    /** Counted down when the command has ended, failed or not: the hook has nothing to say of a command done. */
    private static final CountDownLatch ENDED = new CountDownLatch(1);
    /** Who says the interrupted line, once: the command's failure or the hook (r37d: both could, after the wait). */
    private static final java.util.concurrent.atomic.AtomicBoolean LINE_CLAIMED = new java.util.concurrent.atomic.AtomicBoolean();

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

    /**
     * The command has ended, its own line (if it failed) printed: the hook need not wait, nor say anything. Said
     * whatever the outcome: a signal while the embedded database stopped after a command that had committed its work
     * was told "rolled back; run the same command again", and `token create` run again made a second token (r37d).
     */
    static void ended() {
        ENDED.countDown();
    }

    /** Whether the caller is the one to say the interrupted line (the first to ask). */
    static boolean claimLine() {
        return LINE_CLAIMED.compareAndSet(false, true);
    }

    /** A hook for the JVM's shutdown; removed before a command's own System.exit, which would run it too. */
    static Thread hook(PrintWriter err) {
        return new Thread(() -> {
            if (expected) {
                return;
            }
            signalled = true;
            try {
                if (!ENDED.await(2, TimeUnit.SECONDS) && claimLine()) {
                    err.println("fraudstats: " + SAID);
                    err.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fraudstats-interrupted");
    }
}
