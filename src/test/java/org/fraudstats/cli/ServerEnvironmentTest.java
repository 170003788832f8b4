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
 * ./fraudstats on servers set up otherwise than ours, run as the launcher runs it (a tester's findings). Under Turkish
 * "stage_warnings" was lowered to "stage_warnıngs" and no drop loaded, every night failing; under Arabic the command
 * line printed its counts and job ids in Arabic-Indic digits, which scripts pass on to `restart`: Main fixes the JVM's
 * locale. Under umask 077 the bulletins were the owner's only, their group could read none.
 */
class ServerEnvironmentTest {

    @Test
    void aTurkishServerLoads_anArabicOnePrintsAsciiDigits_aHardenedOneStillSharesItsBulletins(@TempDir Path home) throws Exception {
        Ran turkish = fraudstats(home, "tr", "TR", "ingest", "--inbox", "samples/inbox", "--from", "2022-10-01", "--to", "2022-10-01");
        assertThat(turkish.code()).as(turkish.output()).isZero();
        assertThat(turkish.output()).contains("2022-10-01  ").contains(" rows read, 0 rejected, ");

        Ran arabic = fraudstats(home, "ar", "SA", "history", "--limit", "1");
        assertThat(arabic.code()).as(arabic.output()).isZero();
        assertThat(arabic.output()).containsPattern("\\n[0-9]+ +ingestDrop +COMPLETED").doesNotContainPattern("[\\u0660-\\u0669\\u06F0-\\u06F9]");

        Path out = home.resolve("shared/out");
        Ran hardened = underUmask(home, "077", "rerun", "--from", "2022-10-01", "--to", "2022-10-01", "--out", out.toString());
        assertThat(hardened.code()).as(hardened.output()).isZero();
        Path folder = out.resolve("daily/2022-10-01");
        for (Path file : List.of(folder.resolve("fraudstats-daily-2022-10-01.pdf"), folder.resolve("fraudstats-daily-2022-10-01.xlsx"),
                folder.resolve("manifest.json"))) {
            assertThat(mode(file)).as(file.toString()).isEqualTo("rw-r-----");
        }
        for (Path f : List.of(folder, folder.getParent(), out, out.getParent())) {
            assertThat(mode(f)).as(f.toString()).isEqualTo("rwxr-x---");
        }
    }

    @Test
    void settingsFilesOfTheFolderACommandStartsInAreNotRead(@TempDir Path home) throws Exception {
        // planted where feed systems or other users can write (an inbox, /tmp): Spring used to read both, above the
        // jar's defaults, so whoever wrote them chose the relay, the database or SQL run as superuser (r44d)
        Path planted = Files.createDirectories(home.resolve("planted/config"));
        Files.writeString(planted.getParent().resolve("application.properties"),
                "fraudstats.render-threads=0\nspring.flyway.locations=filesystem:" + planted + "\n");
        Files.writeString(planted.resolve("application.yml"), "fraudstats:\n  concurrent-listings: 0\n");

        Ran ran = run(home, planted.getParent(), List.of(), "022", "history", "--limit", "1");

        assertThat(ran.code()).as(ran.output()).isZero();
        assertThat(ran.output()).doesNotContain("render-threads").doesNotContain("concurrent-listings").doesNotContain("flyway");
    }

    private static String mode(Path path) throws java.io.IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    record Ran(int code, String output) {
    }

    private static Ran fraudstats(Path home, String language, String country, String... args) throws Exception {
        return run(home, List.of("-Duser.language=" + language, "-Duser.country=" + country), "022", args);
    }

    private static Ran underUmask(Path home, String umask, String... args) throws Exception {
        return run(home, List.of(), umask, args);
    }

    private static Ran run(Path home, List<String> options, String umask, String... args) throws Exception {
        return run(home, Path.of("").toAbsolutePath(), options, umask, args);
    }

    private static Ran run(Path home, Path folder, List<String> options, String umask, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // as a shell with that umask starts it: the JVM cannot set its own
        List<String> command = new ArrayList<>(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh", java, "-Xmx512m",
                "-Djava.awt.headless=true"));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path log = home.resolve("run.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("FRAUDSTATS_HOME", home.toString());
        builder.environment().remove("SPRING_DATASOURCE_URL");
        Process process = builder.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Ran(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
