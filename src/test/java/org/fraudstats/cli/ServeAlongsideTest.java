package org.fraudstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fraudstats.FraudstatsApplication;
import org.fraudstats.support.DatabaseTest.Run;
import org.fraudstats.support.OwnJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;

/**
 * web.md: while `serve` runs on a home, every other command works on the same home. `serve` runs in a JVM of its
 * own as ./fraudstats starts it; the other commands run in this one, a second process on the same home. They
 * join its PostgreSQL, never stop it, and after serve's kill -9 the next command still works at once.
 */
class ServeAlongsideTest {

    private static final Pattern LISTENING = Pattern.compile("serve: portal on http://127\\.0\\.0\\.1:(\\d+)/");

    @Test
    void otherCommandsWorkWhileServeRunsAndAfterItIsKilled(@TempDir Path home) throws Exception {
        Process serve = fraudstats(home, "serve", "--port", "0");
        long server;
        try {
            int port = awaitPort(home, serve);
            server = postmaster(home);

            Run added = cli(home, "Statistician-2026\n", "user", "add", "li.na", "--role", "statistician", "--password-stdin");
            assertThat(added).isEqualTo(new Run(0, "added user li.na (statistician)\n", ""));
            Run token = cli(home, "", "token", "create", "li.na");
            assertThat(token.exitCode()).as(token.err()).isZero();

            // serve sees the user and token the other process made, and still runs on the same server
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> known = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/none"))
                    .header("Authorization", "Bearer " + token.out().strip()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(known.statusCode()).isEqualTo(404);
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(serve.isAlive()).isTrue();
            assertThat(postmaster(home)).as("the same server, not stopped by the command that left").isEqualTo(server);

            // a second serve on the same port: which address, and what to do, in one line (tester B)
            Path secondLog = home.resolve("second-serve.log");
            Process second = OwnJvm.start(home, secondLog, Map.of(), List.of(), "serve", "--port", Integer.toString(port));
            try {
                assertThat(second.waitFor(3, TimeUnit.MINUTES)).isTrue();
                assertThat(second.exitValue()).isEqualTo(1);
                assertThat(Files.readString(secondLog)).isEqualTo("fraudstats serve: cannot listen on 127.0.0.1:" + port
                        + ": address already in use (another serve, or another program, is listening there: stop it or choose another --port)\n");
            } finally {
                second.destroyForcibly().waitFor();
            }
            assertThat(postmaster(home)).isEqualTo(server);
        } finally {
            serve.destroyForcibly().waitFor();
        }

        Run list = cli(home, "", "user", "list");

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).startsWith("name,role,enabled,totp,locked_until,created_at,last_signed_in_at\nli.na,statistician,true,none,,");
        assertThat(ProcessHandle.of(server).filter(ProcessHandle::isAlive)).as("the orphan was stopped").isEmpty();
        assertThat(home.resolve("pgdata/postmaster.pid")).as("the last one out stopped its server").doesNotExist();
    }

    /** MLPS: an auditor sees when the portal, which records every sign-in, was there to record (tester B). */
    @Test
    void serveRecordsItsStartAndItsStopInTheAuditLog(@TempDir Path home) throws Exception {
        Process serve = fraudstats(home, "serve", "--port", "0");
        int port;
        try {
            port = awaitPort(home, serve);
            serve.destroy();
            assertThat(serve.waitFor(2, TimeUnit.MINUTES)).isTrue();
        } finally {
            serve.destroyForcibly().waitFor();
        }

        // a stop (systemctl's SIGTERM) is how serve ends: it is not told as an interruption to run again (r37e)
        assertThat(Files.readString(home.resolve("serve.log"))).doesNotContain("interrupted");
        Run audit = cli(home, "", "audit");

        assertThat(audit.exitCode()).as(audit.err()).isZero();
        assertThat(audit.out().lines().filter(line -> line.contains(",serve-")).map(line -> line.substring(line.indexOf(',') + 1)))
                .containsExactly(System.getProperty("user.name") + ",,cli,serve-start,127.0.0.1:" + port + ",success",
                        System.getProperty("user.name") + ",,cli,serve-stop,127.0.0.1:" + port + ",success");
    }

    @Test
    void aBadScheduleStopsServeBeforeThePortalIsAnnounced(@TempDir Path home, @TempDir Path jobs) throws Exception {
        Files.writeString(jobs.resolve("nightly.yml"), "cron: \"0 61 1 * * ?\"\n");
        Process serve = fraudstats(home, Map.of("FRAUDSTATS_JOBS_DIR", jobs.toString()), "serve", "--port", "0");
        try {
            assertThat(serve.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(serve.exitValue()).isNotZero();
            assertThat(Files.readString(home.resolve("serve.log"))).doesNotContain("portal on")
                    .contains(jobs.resolve("nightly.yml") + ": line 1: cron: '0 61 1 * * ?' is not a Quartz cron expression");
        } finally {
            serve.destroyForcibly().waitFor();
        }
    }

    @Test
    void serveUnderAnotherAccountKeyRefusesToStart(@TempDir Path home) throws Exception {
        // a load records the key's fingerprint; a home restored without its account.key would make a new key
        assertThat(cli(home, "", "ingest", "--inbox", "samples/inbox", "--from", "2022-10-01", "--to", "2022-10-01").exitCode()).isZero();
        Process serve = fraudstats(home, Map.of("FRAUDSTATS_ACCOUNT_KEY", "another-key-of-another-centre"), "serve", "--port", "0");
        try {
            assertThat(serve.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(serve.exitValue()).isNotZero();
            assertThat(Files.readString(home.resolve("serve.log"))).doesNotContain("portal on").doesNotContain("\tat ")
                    .doesNotContain("Exception encountered during context initialization")
                    .contains("fraudstats serve: the account key (FRAUDSTATS_ACCOUNT_KEY) is not the one this "
                            + "database's account numbers were hashed with")
                    .contains("; the portal was not started");
        } finally {
            serve.destroyForcibly().waitFor();
        }
    }

    private static int awaitPort(Path home, Process serve) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            String log = Files.exists(home.resolve("serve.log")) ? Files.readString(home.resolve("serve.log")) : "";
            Matcher m = LISTENING.matcher(log);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            assertThat(serve.isAlive()).as("serve ended: " + log).isTrue();
            assertThat(System.nanoTime()).as("waited 3 minutes for serve: " + log).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static long postmaster(Path home) throws IOException {
        return Long.parseLong(Files.readAllLines(home.resolve("pgdata/postmaster.pid")).get(0).strip());
    }

    /** ./fraudstats in a JVM of its own, as the launcher starts it. */
    private static Process fraudstats(Path home, String... args) throws IOException {
        return fraudstats(home, Map.of(), args);
    }

    private static Process fraudstats(Path home, Map<String, String> environment, String... args) throws IOException {
        return OwnJvm.start(home, home.resolve("serve.log"), environment, List.of(), args);
    }

    private static Run cli(Path home, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (Services services = new Services(() -> new SpringApplication(FraudstatsApplication.class).run("--fraudstats.home=" + home), true)
                .input(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))) {
            int code = Cli.run(services, args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Run(code, out.toString(), err.toString());
        }
    }
}
