package org.fraudstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.fraudstats.FraudstatsApplication;
import org.fraudstats.support.DatabaseTest.Run;
import org.fraudstats.support.OwnJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;

/**
 * kill -9 during a load, then the same load again, gives the rollups of one clean load: the drop being merged
 * when the process died committed nothing (facts and rollups are one transaction), so the next ingest loads it
 * whole, and every rollup row is then what the facts say (verify) while the facts are the contract's (golden).
 */
class KilledLoadTest {

    @Test
    void aLoadKilledMidWayThenRunAgainLeavesTheRollupsOfOneCleanLoad(@TempDir Path home) throws Exception {
        Process ingest = fraudstats(home, "ingest", "--inbox", "samples/inbox");
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            // killed somewhere in the middle of the 95 sample drops, most likely inside one drop's transaction
            while (loadedDrops(home) < 20) {
                assertThat(ingest.isAlive()).as("the ingest ended before it could be killed").isTrue();
                assertThat(System.nanoTime()).as("waited 3 minutes").isLessThan(deadline);
                Thread.sleep(5);
            }
        } finally {
            ingest.destroyForcibly().waitFor();
        }
        assertThat(loadedDrops(home)).as("killed before the last drop").isLessThan(95);

        Run again = cli(home, "ingest", "--inbox", "samples/inbox");
        assertThat(again.exitCode()).as(again.err()).isZero();

        Run verify = cli(home, "verify", "--from", "2021-01-01", "--to", "2023-12-31");
        assertThat(verify.out()).isEqualTo("rollups 2021-01-01..2023-12-31: as the facts say\n");
        assertThat(verify.exitCode()).isZero();
        assertThat(cli(home, "metrics", "--from", "2022-10-01", "--to", "2022-10-24", "--by", "day").out())
                .isEqualTo(Files.readString(Path.of("src/test/resources/golden/expected-by-day-2022-10-01_2022-10-24.csv")));
    }

    /**
     * A stop signal (Ctrl-C, systemd's stop) during a load: the JVM closes the application under the command, which
     * said "drop … not loaded: HikariDataSource … has been closed", a database fault to an operator (r36c L6).
     */
    @Test
    void aLoadStoppedBySignalSaysItWasInterrupted(@TempDir Path home) throws Exception {
        Process ingest = fraudstats(home, "ingest", "--inbox", "samples/inbox");
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (loadedDrops(home) < 3) {
                assertThat(ingest.isAlive()).as("the ingest ended before it could be stopped").isTrue();
                assertThat(System.nanoTime()).as("waited 3 minutes").isLessThan(deadline);
                Thread.sleep(5);
            }
            ingest.destroy(); // SIGTERM, the JVM's shutdown as with Ctrl-C's SIGINT
            assertThat(ingest.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            ingest.destroyForcibly().waitFor();
        }
        assertThat(ingest.exitValue()).isEqualTo(143);
        String log = Files.readString(home.resolve("killed-load.log"), StandardCharsets.UTF_8);
        assertThat(log).containsPattern("(?m)^fraudstats( ingest)?: interrupted \\(Ctrl-C or a stop signal\\): what it had not finished was "
                + "rolled back; run the same command again").doesNotContain("HikariDataSource").doesNotContain("has been closed");
    }

    private static long loadedDrops(Path home) throws IOException {
        Path log = home.resolve("killed-load.log");
        if (!Files.exists(log)) {
            return 0;
        }
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains("(job execution ")).count();
    }

    /** ./fraudstats in a JVM of its own, as the launcher starts it. */
    private static Process fraudstats(Path home, String... args) throws IOException {
        return OwnJvm.start(home, home.resolve("killed-load.log"), args);
    }

    private static Run cli(Path home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (Services services = new Services(() -> new SpringApplication(FraudstatsApplication.class).run("--fraudstats.home=" + home), true)) {
            int code = Cli.run(services, args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Run(code, out.toString(), err.toString());
        }
    }
}
