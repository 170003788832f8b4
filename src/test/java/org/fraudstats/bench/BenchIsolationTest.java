package org.fraudstats.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The bench empties tables, so nothing but the bench may reach its code or its SQL: no class outside
 * org.fraudstats.bench uses it except the cli's `bench` command, no file outside sql/bench/ names a bench
 * statement or the bench schema, and the bench declares no Spring bean (no application context holds one).
 */
class BenchIsolationTest {

    private static final Path BENCH_CODE = Path.of("src/main/java/org/fraudstats/bench");
    private static final Path BENCH_SQL = Path.of("sql/bench");
    private static final Path ENTRY_POINT = Path.of("src/main/java/org/fraudstats/cli/BenchCommand.java");
    private static final Set<String> TEXT = Set.of("java", "sql", "properties", "xml", "yml", "yaml", "jrxml", "json");

    private static final Pattern BENCH_CLASSES = Pattern.compile("org\\.fraudstats\\.bench\\b");
    private static final Pattern BENCH_STATEMENT = Pattern.compile("bench/[\\w-]+\\.sql");
    private static final Pattern BENCH_SCHEMA = Pattern.compile("\\bbench\\.[a-z_]+\\b");
    private static final Pattern SPRING_BEAN = Pattern.compile("@(Component|Service|Repository|Configuration|Bean|Controller)\\b");

    @Test
    void nothingOutsideTheBenchUsesItsClassesOrItsSql() throws IOException {
        List<String> reaches = new ArrayList<>();
        for (Path file : textFiles(Path.of("src/main"), Path.of("sql"), Path.of("jobs"), Path.of("report-templates"))) {
            if (file.startsWith(BENCH_CODE) || file.startsWith(BENCH_SQL)) {
                continue;
            }
            String text = Files.readString(file);
            if (BENCH_CLASSES.matcher(text).find() && !file.equals(ENTRY_POINT)) {
                reaches.add(file + " uses org.fraudstats.bench");
            }
            if (BENCH_STATEMENT.matcher(text).find()) {
                reaches.add(file + " names a statement of sql/bench/");
            }
            if (BENCH_SCHEMA.matcher(text).find()) {
                reaches.add(file + " names the bench schema");
            }
        }
        assertThat(reaches).isEmpty();
        assertThat(Files.readString(ENTRY_POINT)).contains("import org.fraudstats.bench.ThrowawayBench;");
    }

    @Test
    void theBenchDeclaresNoSpringBean() throws IOException {
        List<String> beans = new ArrayList<>();
        for (Path file : textFiles(BENCH_CODE)) {
            if (SPRING_BEAN.matcher(Files.readString(file)).find()) {
                beans.add(file.toString());
            }
        }
        assertThat(beans).isEmpty();
        assertThat(textFiles(BENCH_CODE)).contains(BENCH_CODE.resolve("Bench.java"), BENCH_CODE.resolve("ThrowawayBench.java"));
    }

    private static List<Path> textFiles(Path... roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(f -> TEXT.contains(extension(f))).forEach(files::add);
            }
        }
        return files;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
