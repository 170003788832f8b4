package org.fraudstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The demo never runs on the deployment's database: with SPRING_DATASOURCE_URL set it loaded its synthetic year into
 * production, published bulletins and moved the real figures (tester). It starts with the URL emptied, which makes
 * the application start the demo home's own PostgreSQL, and says so.
 */
class DemoApartTest {

    @Test
    void theDemoStartsOnItsOwnDatabaseWhateverIsConfigured() {
        List<String> started = new ArrayList<>();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String before = System.getProperty("spring.datasource.url");
        System.setProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/fraudstats");
        try {
            // the starter stops the command where the application would start: what matters is what it is given
            Services services = new Services(arguments -> {
                started.addAll(Arrays.asList(arguments));
                throw new IllegalStateException("not started in this test");
            }, true);
            int code = Cli.run(services, new String[] {"demo", "--days", "1"}, new PrintWriter(out, true), new PrintWriter(err, true));
            assertThat(code).isEqualTo(1);
        } finally {
            if (before == null) {
                System.clearProperty("spring.datasource.url");
            } else {
                System.setProperty("spring.datasource.url", before);
            }
        }
        // command-line arguments win over the environment and system properties in Spring Boot
        assertThat(started).contains("--spring.datasource.url=", "--fraudstats.home=${fraudstats.default-home}/demo");
        assertThat(out.toString()).startsWith("demo: SPRING_DATASOURCE_URL is set and left alone: the demo runs on a PostgreSQL "
                + "of its own under the demo's home, so that no synthetic record reaches that database\n");
    }

    /** The demo's closing hint is pasted into a shell: a home with a space in it failed pasted as printed (r42a). */
    @Test
    void theHomeInTheClosingHintIsOneWordToAShell() throws Exception {
        assertThat(DemoCommand.shellWord("/root/.fraudstats/demo")).isEqualTo("/root/.fraudstats/demo");
        for (String home : List.of("/tmp/反诈 中心/demo home/demo", "/srv/it's/demo", "/srv/c-dol$x `id` \\/demo", "/srv/a\"b/demo")) {
            Process shell = new ProcessBuilder("sh", "-c", "printf %s " + DemoCommand.shellWord(home)).start();
            String word = new String(shell.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(shell.waitFor()).isZero();
            assertThat(word).isEqualTo(home);
        }
    }
}
