package org.fraudstats.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fraudstats.cli.Main;

/**
 * ./fraudstats in a JVM of its own, as the launcher starts it, for the tests that kill it with kill -9. Its temporary
 * folder is in the home, as the launcher gives each process one of its own: in the machine's /tmp, each killed JVM
 * left the bulletin fonts it had copied out of the jar (5.6 MB), every test run.
 */
public final class OwnJvm {

    private OwnJvm() {
    }

    /** @param options JVM options before the main class, after the heap, headless and temporary folder ones */
    public static Process start(Path home, Path log, Map<String, String> environment, List<String> options, String... args)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path temporary = Files.createDirectories(home.resolve("jvm-tmp"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + temporary));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("FRAUDSTATS_HOME", home.toString());
        builder.environment().remove("SPRING_DATASOURCE_URL");
        builder.environment().putAll(environment);
        return builder.start();
    }

    public static Process start(Path home, Path log, String... args) throws IOException {
        return start(home, log, Map.of(), List.of(), args);
    }
}
