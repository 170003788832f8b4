package org.fraudstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.fraudstats.FraudstatsApplication;
import org.fraudstats.support.DatabaseTest.Run;
import org.fraudstats.support.OwnJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;

/**
 * kill -9 at any moment is a normal event. A rerun killed mid-way in its own JVM leaves its embedded PostgreSQL
 * running with no owner, its job execution STARTED and perhaps a temporary file; the next command works at once,
 * the same rerun renders only the days still missing, and every figure is what it was.
 */
class KilledCommandTest {

    private static final String[] RERUN = {"rerun", "--from", "2022-10-01", "--to", "2022-10-24"};

    @Test
    void aRerunKilledMidWayIsFinishedByTheNextCommandWithTheFiguresUnchanged(@TempDir Path home) throws Exception {
        Run ingest = cli(home, "ingest", "--inbox", "samples/inbox");
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        Path daily = home.resolve("out/daily");

        Process rerun = fraudstats(home, RERUN);
        try {
            await(() -> owner(home).equals("pid " + rerun.pid()), rerun);
            // a second command on the busy home uses the running server, and harms nothing
            Run busy = cli(home, "metrics", "--from", "2022-10-01", "--to", "2022-10-24");
            assertThat(busy.exitCode()).as(busy.err()).isZero();
            assertThat(busy.out()).isEqualTo(Files.readString(Path.of("src/test/resources/golden/expected-range-2022-10-01_2022-10-24.csv")));
            assertThat(rerun.isAlive()).isTrue();
            // two days render at a time: a thread starting a third day has committed one of the first two
            await(() -> pdfs(daily).size() >= 3, rerun);
        } finally {
            rerun.destroyForcibly().waitFor();
        }
        long server = Long.parseLong(Files.readAllLines(home.resolve("pgdata/postmaster.pid")).get(0).strip());
        assertThat(ProcessHandle.of(server).filter(ProcessHandle::isAlive)).as("the server outlives its killed owner").isPresent();
        Map<Path, FileTime> renderedBeforeTheKill = modified(pdfs(daily));

        Run again = cli(home, RERUN);

        assertThat(again.exitCode()).as(again.err()).isZero();
        java.util.regex.Matcher said = java.util.regex.Pattern.compile("^24 daily bulletins rendered into " + java.util.regex.Pattern.quote(daily.toString())
                + " \\(job execution \\d+, restarted: (\\d+) rendered now, (\\d+) before it stopped\\)\n$").matcher(again.out());
        assertThat(said.find()).as(again.out()).isTrue();
        assertThat(pdfs(daily)).hasSize(24);
        Map<Path, FileTime> now = modified(renderedBeforeTheKill.keySet());
        long kept = renderedBeforeTheKill.entrySet().stream().filter(day -> day.getValue().equals(now.get(day.getKey()))).count();
        assertThat(kept).as("days finished before the kill are not rendered again").isPositive();
        // and the count said is the days rendered again: the 24 less those kept
        assertThat(Integer.parseInt(said.group(1))).isEqualTo(24 - kept);
        assertThat(Integer.parseInt(said.group(2))).isEqualTo(kept);
        try (Stream<Path> files = Files.walk(daily)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()).isEmpty();
        }
        assertThat(cli(home, "metrics", "--from", "2022-10-01", "--to", "2022-10-24").out())
                .isEqualTo(Files.readString(Path.of("src/test/resources/golden/expected-range-2022-10-01_2022-10-24.csv")));
        assertThat(ProcessHandle.of(server).filter(ProcessHandle::isAlive)).as("the orphan was stopped").isEmpty();
    }

    /**
     * The database killed under a rerun (its PostgreSQL gone with kill -9, started again by the command's watch) is
     * said in one line naming the loss, with no log lines of Batch's rollback before it (there were six, and the line
     * said "JDBC rollback failed; once that is put right"); the same rerun then finishes with the figures unchanged.
     * Whether a query was running at the kill decides whether this rerun fails or waits for the server to come back,
     * so either is accepted, but neither may print more than the watch's line and the command's own.
     */
    @Test
    void aDatabaseKilledUnderARerunIsSaidInOneLineAndTheSameRerunFinishes(@TempDir Path home) throws Exception {
        Run ingest = cli(home, "ingest", "--inbox", "samples/inbox");
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        Path daily = home.resolve("out/daily");
        String[] rerunSummer = {"rerun", "--from", "2022-07-01", "--to", "2022-10-24"};
        Path log = home.resolve("killed-database.log");

        Process rerun = OwnJvm.start(home, log, rerunSummer);
        try {
            await(() -> pdfs(daily).size() >= 3, rerun);
            long server = Long.parseLong(Files.readAllLines(home.resolve("pgdata/postmaster.pid")).get(0).strip());
            ProcessHandle.of(server).orElseThrow().destroyForcibly();
            assertThat(rerun.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)).as("the rerun ends").isTrue();
        } finally {
            rerun.destroyForcibly().waitFor();
        }

        List<String> said = Files.readAllLines(log).stream().filter(line -> !line.isBlank()).toList();
        List<String> others = said.stream().filter(line -> !line.contains("EmbeddedServerWatch - the embedded PostgreSQL had stopped")
                && !line.startsWith("fraudstats rerun: ") && !line.matches("\\d+ daily bulletins rendered into .*")
                && !line.matches(".*unchanged since published.*")).toList();
        assertThat(others).as(String.join("\n", said)).isEmpty();
        if (rerun.exitValue() != 0) {
            assertThat(rerun.exitValue()).isEqualTo(1);
            assertThat(said.get(said.size() - 1)).as(String.join("\n", said))
                    // Batch's UNKNOWN, an end it could not record, is said "did not finish", not "unknown" (r39b)
                    .matches("fraudstats rerun: rerun 2022-07-01\\.\\.2022-10-24 (failed|stopped|did not finish) \\(job execution \\d+\\): "
                            + "the database connection was lost \\(.+\\);"
                            + " once that is put right, run the same command again to finish only the missing days");
        }

        Run again = cli(home, rerunSummer);

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(pdfs(daily)).hasSize(116);
        assertThat(cli(home, "metrics", "--from", "2022-10-01", "--to", "2022-10-24").out())
                .isEqualTo(Files.readString(Path.of("src/test/resources/golden/expected-range-2022-10-01_2022-10-24.csv")));
    }

    /** ./fraudstats in a JVM of its own, as the launcher starts it. */
    private static Process fraudstats(Path home, String... args) throws IOException {
        return OwnJvm.start(home, home.resolve("killed-command.log"), args);
    }

    private static void await(BooleanSupplier condition, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(process.isAlive()).as("the command ended before it could be killed").isTrue();
            assertThat(System.nanoTime()).as("waited 3 minutes").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static String owner(Path home) {
        try {
            Path owner = home.resolve("run/owner");
            return Files.exists(owner) ? Files.readString(owner, StandardCharsets.UTF_8).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static List<Path> pdfs(Path daily) {
        if (!Files.isDirectory(daily)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(daily)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pdf")).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            // a render's temporary file renamed away while the walk looked at it (a CI run): the caller polls again
            return List.of();
        }
    }

    private static Map<Path, FileTime> modified(Iterable<Path> files) throws IOException {
        Map<Path, FileTime> times = new HashMap<>();
        for (Path f : files) {
            times.put(f, Files.getLastModifiedTime(f));
        }
        return times;
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
