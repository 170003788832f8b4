package org.fraudstats.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.quartz.CronExpression;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads every jobs/*.yml of the classpath and, when property {@code fraudstats.jobs-dir} names a folder, the
 * *.yml files there: a file named like a shipped one overrides the keys it gives (a one-line {@code enabled:
 * false} switches a schedule off), any other adds a schedule. Values may use ${...} placeholders of the
 * application's environment. Read once, on first use, so CLI commands never depend on these files.
 */
@Component
class ScheduleDefinitions {

    static final String JOBS_DIR_PROPERTY = "fraudstats.jobs-dir";

    private static final Set<String> COMMON_KEYS = Set.of("description", "enabled", "work", "cron", "zone", "out");
    private static final Set<String> NIGHTLY_KEYS = Set.of("inbox", "retry-interval", "deadline");
    private static final Set<String> RANGE_KEYS = Set.of("period");
    private static final Set<String> ALL_KEYS = union(COMMON_KEYS, NIGHTLY_KEYS, RANGE_KEYS);

    private final Environment environment;
    private volatile List<ScheduleDefinition> loaded;

    ScheduleDefinitions(Environment environment) {
        this.environment = environment;
    }

    /** Every schedule, switched on or off, by name. */
    List<ScheduleDefinition> all() {
        List<ScheduleDefinition> result = loaded;
        if (result == null) {
            result = load();
            loaded = result;
        }
        return result;
    }

    List<ScheduleDefinition> enabled() {
        return all().stream().filter(ScheduleDefinition::enabled).toList();
    }

    ScheduleDefinition get(String name) {
        return all().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no schedule named " + name + " in jobs/*.yml"));
    }

    private List<ScheduleDefinition> load() {
        Map<String, Layers> byName = new TreeMap<>();
        try {
            Resource[] shipped = new PathMatchingResourcePatternResolver(getClass().getClassLoader())
                    .getResources("classpath*:jobs/*.yml");
            for (Resource resource : shipped) {
                String file = resource.getFilename();
                if ("distribution.yml".equals(file)) {
                    continue;
                }
                try (InputStream in = resource.getInputStream()) {
                    // named as inside the jar: an install that carries the jar alone has no jobs/ folder to look in
                    add(byName, file, "jobs/" + file + " (in fraudstats.jar)",
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            String dir = environment.getProperty(JOBS_DIR_PROPERTY, "");
            if (!dir.isBlank()) {
                Path folder = Path.of(dir);
                if (!Files.isDirectory(folder)) {
                    throw new ScheduleDefinitionException(JOBS_DIR_PROPERTY, null, dir + ": no such folder");
                }
                try (Stream<Path> files = Files.list(folder)) {
                    // distribution.yml says who is mailed (delivery), not when anything runs
                    for (Path path : files.filter(p -> p.getFileName().toString().endsWith(".yml"))
                            .filter(p -> !p.getFileName().toString().equals("distribution.yml")).sorted().toList()) {
                        add(byName, path.getFileName().toString(), path.toString(), Files.readString(path));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schedules (jobs/*.yml): " + e.getMessage(), e);
        }
        List<ScheduleDefinition> definitions = new ArrayList<>();
        byName.forEach((name, layers) -> definitions.add(layers.definition(name)));
        return List.copyOf(definitions);
    }

    private void add(Map<String, Layers> byName, String file, String source, String text) {
        String name = file.substring(0, file.length() - ".yml".length());
        if (!name.matches("[A-Za-z0-9_-]{1,100}")) {
            throw new ScheduleDefinitionException(source, null, "a schedule's file name may hold only letters, digits, - and _");
        }
        byName.computeIfAbsent(name, n -> new Layers()).add(source, read(source, text));
    }

    /** A file's keys: the value of each as the text written (no YAML typing: 07:30 stays "07:30"), and its line. */
    private record Layer(Map<String, String> values, Map<String, Integer> lines) {
    }

    private static Layer read(String source, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Resolver stringsOnly = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                // every plain scalar is a string; the keys below say what each must be
            }
        };
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, stringsOnly);
        Object document;
        try {
            document = yaml.load(text);
        } catch (YAMLException e) {
            throw new ScheduleDefinitionException(source, null, "not valid YAML: " + org.fraudstats.storage.YamlProblem.of(e));
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new ScheduleDefinitionException(source, null, "expected keys and values (cron: ..., zone: ...)");
        }
        // a value's error names its line: the editor a deployment fixes it in counts lines, not keys
        Map<String, Integer> lines = new LinkedHashMap<>();
        if (yaml.compose(new StringReader(text)) instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    lines.put(key.getValue(), key.getStartMark().getLine() + 1);
                }
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (!ALL_KEYS.contains(key)) {
                throw new ScheduleDefinitionException(atLine(source, lines.get(key)), key, "unknown key (known: " + String.join(", ", new TreeSet<>(ALL_KEYS)) + ")");
            }
            if (v != null && !(v instanceof String)) {
                throw new ScheduleDefinitionException(atLine(source, lines.get(key)), key, "expected one value, not a list or map");
            }
            values.put(key, v == null ? "" : (String) v);
        });
        return new Layer(values, lines);
    }

    /** A schedule's files, shipped first, the deployment's overrides after: the last file giving a key wins. */
    private final class Layers {
        private final Map<String, String> values = new LinkedHashMap<>();
        private final Map<String, String> sourceOf = new LinkedHashMap<>();
        private final Map<String, Integer> lineOf = new LinkedHashMap<>();
        private final Set<String> sources = new LinkedHashSet<>();

        void add(String source, Layer layer) {
            sources.add(source);
            layer.values().forEach((key, value) -> {
                values.put(key, value);
                sourceOf.put(key, source);
                lineOf.put(key, layer.lines().get(key));
            });
        }

        ScheduleDefinition definition(String name) {
            String source = String.join(" + ", sources);
            ScheduleDefinition.Work work = work();
            Set<String> allowed = union(COMMON_KEYS, work == ScheduleDefinition.Work.NIGHTLY ? NIGHTLY_KEYS : RANGE_KEYS);
            for (String key : values.keySet()) {
                if (!allowed.contains(key)) {
                    throw problem(key, "not a key of a " + work.key + " schedule");
                }
            }
            boolean enabled = switch (optional("enabled", "true")) {
                case "true" -> true;
                case "false" -> false;
                default -> throw problem("enabled", "expected true or false");
            };
            String cron = required("cron");
            try {
                CronExpression.validateExpression(cron);
            } catch (ParseException e) {
                throw problem("cron", "'" + cron + "' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year]): " + e.getMessage());
            }
            ZoneId zone;
            try {
                zone = ZoneId.of(required("zone"));
            } catch (DateTimeException e) {
                throw problem("zone", "'" + values.get("zone") + "' is not a time zone (e.g. Asia/Shanghai)");
            }
            Path out = folder("out", "fraudstats.out");
            if (work == ScheduleDefinition.Work.NIGHTLY) {
                Duration retry;
                try {
                    retry = Duration.parse(required("retry-interval"));
                } catch (DateTimeException e) {
                    throw problem("retry-interval", "'" + values.get("retry-interval") + "' is not a duration (e.g. PT15M)");
                }
                if (retry.isNegative() || retry.isZero()) {
                    throw problem("retry-interval", "must be longer than zero");
                }
                LocalTime deadline;
                try {
                    deadline = LocalTime.parse(required("deadline"));
                } catch (DateTimeException e) {
                    throw problem("deadline", "'" + values.get("deadline") + "' is not a time of day (e.g. \"07:30\")");
                }
                return new ScheduleDefinition(name, source, optional("description", name), enabled, work, Cadence.DAY,
                        cron, zone, folder("inbox", "fraudstats.inbox"), out, retry, deadline);
            }
            Cadence cadence = switch (required("period")) {
                case "week" -> Cadence.WEEK;
                case "month" -> Cadence.MONTH;
                default -> throw problem("period", "'" + values.get("period") + "' is not week or month");
            };
            return new ScheduleDefinition(name, source, optional("description", name), enabled, work, cadence, cron,
                    zone, null, out, null, null);
        }

        private ScheduleDefinition.Work work() {
            String text = required("work");
            for (ScheduleDefinition.Work work : ScheduleDefinition.Work.values()) {
                if (work.key.equals(text)) {
                    return work;
                }
            }
            throw problem("work", "'" + text + "' is not nightly or range-bulletin");
        }

        /**
         * A folder the schedule may leave out, and the shipped ones do: then the home's setting, as `nightly` reads it
         * (fraudstats.inbox, fraudstats.out: FRAUDSTATS_INBOX, HOME/fraudstats.yml, -D…), HOME/inbox or HOME/out when
         * that is empty. The jobs files read FRAUDSTATS_INBOX themselves, so an inbox set in HOME/fraudstats.yml moved
         * `nightly` and not serve's nights, which published 数据未到 beside the drop every morning (review).
         */
        private Path folder(String key, String setting) {
            String value = optional(key, "");
            if (value.isBlank()) {
                value = environment.getProperty(setting, "").strip();
            }
            if (value.isBlank()) {
                // as FraudstatsSettings: HOME/inbox, HOME/out (with no home, none: said, never "/inbox")
                String home = environment.getProperty("fraudstats.home", "").strip();
                if (home.isEmpty()) {
                    throw problem(key, "missing, and fraudstats.home is empty");
                }
                value = Path.of(home).resolve(key).toString();
            }
            try {
                return Path.of(value).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                throw problem(key, "'" + value + "' is not a path");
            }
        }

        private String required(String key) {
            String value = optional(key, "");
            if (value.isBlank()) {
                throw new ScheduleDefinitionException(String.join(" + ", sources), key, "missing");
            }
            return value;
        }

        private String optional(String key, String otherwise) {
            String raw = values.get(key);
            if (raw == null) {
                return otherwise;
            }
            try {
                return environment.resolveRequiredPlaceholders(raw).strip();
            } catch (IllegalArgumentException e) {
                throw problem(key, e.getMessage());
            }
        }

        private ScheduleDefinitionException problem(String key, String what) {
            String source = sourceOf.get(key);
            if (source == null) {
                return new ScheduleDefinitionException(String.join(" + ", sources), key, what);
            }
            return new ScheduleDefinitionException(atLine(source, lineOf.get(key)), key, what);
        }
    }

    private static String atLine(String source, Integer line) {
        return line == null ? source : source + ": line " + line;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new LinkedHashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}
