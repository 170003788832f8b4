package org.fraudstats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * SQL lives in sql/ files with named parameters, never built from values in Java (style.md, issue 16's check):
 * every file the code names exists and says what it answers, and the only SQL text Java concatenates is a table
 * name made from the Feed enum.
 */
class SqlStaysInFilesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern LOADED = Pattern.compile("SqlFiles\\.load\\(\"([^\"]+)\"\\)");
    private static final Pattern CONCATENATED = Pattern.compile(
            "\"((?:SELECT|INSERT|UPDATE|DELETE|WITH|COPY|ANALYZE|VACUUM|CREATE|ALTER|DROP|TRUNCATE|SET|LOCK)\\b[^\"]*)\"\\s*\\+");
    /** Each builds a table name from Feed.name(), never from input. */
    private static final Set<String> ALLOWED = Set.of(
            "FileStager.java: COPY stage_",
            "DropLoadTasklet.java: ANALYZE stage_",
            "CopyBaseline.java: COPY bench.bare_",
            // single-user mode takes no bind parameters; the value is 64 hex digits fraudstats generated, checked before use
            "ServerPassword.java: SET password_encryption = 'scram-sha-256';\\nALTER ROLE ");

    @Test
    void everySqlFileTheCodeNamesExistsAndOpensWithAComment() throws IOException {
        List<String> named = new ArrayList<>();
        for (Path java : javaFiles()) {
            Matcher m = LOADED.matcher(Files.readString(java, StandardCharsets.UTF_8));
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        assertThat(named).hasSizeGreaterThan(30);
        // DropLoadTasklet names one merge per feed
        for (org.fraudstats.ingest.Feed feed : org.fraudstats.ingest.Feed.values()) {
            named.add("ingest/merge-" + feed.name().toLowerCase() + ".sql");
        }
        for (String name : named) {
            Path file = Path.of("sql", name);
            assertThat(file).as(name).isRegularFile();
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(name).startsWith("--");
        }
    }

    @Test
    void noSqlIsBuiltFromValuesInJava() throws IOException {
        List<String> concatenated = new ArrayList<>();
        for (Path java : javaFiles()) {
            Matcher m = CONCATENATED.matcher(Files.readString(java, StandardCharsets.UTF_8));
            while (m.find()) {
                concatenated.add(java.getFileName() + ": " + m.group(1));
            }
        }
        assertThat(concatenated).containsExactlyInAnyOrderElementsOf(ALLOWED);
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }
}
