package org.fraudstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./fraudstats on a server whose language is not English (a tester): under Turkish "stage_warnings" was lowered to
 * "stage_warnıngs" and no drop loaded, every night failing; under Arabic the command line printed its counts and job
 * ids in Arabic-Indic digits, which scripts pass on to `restart`. Main fixes the JVM's locale; run as the launcher does.
 */
class ServerLocaleTest {

    @Test
    void aTurkishServerLoadsAndAnArabicOnePrintsAsciiDigits(@TempDir Path home) throws Exception {
        Ran turkish = fraudstats(home, "tr", "TR", "ingest", "--inbox", "samples/inbox", "--from", "2022-10-01", "--to", "2022-10-01");
        assertThat(turkish.code()).as(turkish.output()).isZero();
        assertThat(turkish.output()).contains("2022-10-01  ").contains(" rows read, 0 rejected, ");

        Ran arabic = fraudstats(home, "ar", "SA", "history", "--limit", "1");
        assertThat(arabic.code()).as(arabic.output()).isZero();
        assertThat(arabic.output()).containsPattern("\\n[0-9]+ +ingestDrop +COMPLETED").doesNotContainPattern("[\\u0660-\\u0669\\u06F0-\\u06F9]");
    }

    record Ran(int code, String output) {
    }

    private static Ran fraudstats(Path home, String language, String country, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Djava.awt.headless=true",
                "-Duser.language=" + language, "-Duser.country=" + country,
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path log = home.resolve("run.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("FRAUDSTATS_HOME", home.toString());
        builder.environment().remove("SPRING_DATASOURCE_URL");
        Process process = builder.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Ran(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
