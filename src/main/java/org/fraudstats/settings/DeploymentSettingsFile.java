package org.fraudstats.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * HOME/fraudstats.yml, the deployment's own settings (its catalogue first), read as UTF-8 by every command and serve,
 * whatever folder they start in. It ranks above the jar's defaults and any additional location given to Spring, and
 * below what a run is given (command line, -D, environment variables); a working folder's files are not read at all
 * (NoSettingsFromWorkingFolder).
 * Before it, only a working folder's application.properties was read: serve and a statistician's shell ran two
 * catalogues on one database, and Spring reads a .properties file as ISO-8859-1 (广州市 printed as å¹¿å·å¸). It is
 * read from a path, not imported as a location: a location is a list of URLs, which a home holding , # % or ; broke.
 */
public class DeploymentSettingsFile implements EnvironmentPostProcessor, Ordered {

    static final String FILE = "fraudstats.yml";
    /** The file and what is wrong with it, for {@link FraudstatsSettings} to refuse in one line. */
    static final String PROBLEM = "fraudstats.settings-file-problem";

    /** "line 3, column 1: found character '\\t' that cannot start any token", "not UTF-8: save it as UTF-8". */
    private static String why(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                return "line " + (yaml.getProblemMark().getLine() + 1) + ", column " + (yaml.getProblemMark().getColumn() + 1) + ": "
                        + (yaml.getProblem() == null ? "not YAML" : yaml.getProblem());
            }
            if (t instanceof java.nio.charset.CharacterCodingException) {
                return "not UTF-8 (a file saved as GBK, say): save it as UTF-8";
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().lines().findFirst().orElse("");
        return "cannot be read as YAML: " + message;
    }

    /** The settings of fraudstats a deployment may write in its file (README, Configuration), relaxed as Spring reads them. */
    private static final Set<String> KEYS = Set.of("inbox", "out", "cache", "accountkey", "jobsdir",
            "renderthreads", "concurrentlistings", "distribution", "portalurl", "catalog.citycode", "catalog.cityname", "recordsstart");
    /** What holds settings rather than being one: a group or list written empty. */
    private static final Set<String> GROUPS = Set.of("catalog", "catalog.districts", "catalog.fraudtypes", "catalog.englishnames");
    /** The catalogue's lists, each key of which is a code. */
    private static final Set<String> LISTS = Set.of("catalog.districts", "catalog.fraudtypes", "catalog.englishnames");
    /** What Spring keeps of a map key: other characters it drops without a word (４４０６０９ bound as nothing). */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]+");

    /**
     * The first fraudstats key of the file that no setting reads, as "line 4: … " (its value's line), or null. Spring ignores a
     * key it binds to nothing: a district written in full-width digits (４４０６０９) or under a misspelt list
     * (distrcts) was left out of the catalogue without a word, and a home set inside the home's own file moved the
     * database to another folder once the file was read.
     */
    private static String unreadKey(List<PropertySource<?>> documents) {
        for (PropertySource<?> document : documents) {
            if (!(document instanceof EnumerablePropertySource<?> keys)) {
                continue;
            }
            for (String key : keys.getPropertyNames()) {
                // Spring binds Fraudstats.Catalog…, fraud-stats.… and fraud_stats.… too (review)
                int first = key.indexOf('.');
                if (first < 0 || !key.substring(0, first).toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").equals("fraudstats")) {
                    continue;
                }
                String where = OriginLookup.getOrigin(document, key) instanceof TextResourceOrigin text && text.getLocation() != null
                        ? "line " + (text.getLocation().getLine() + 1) + ": " : "";
                String setting = key.substring(first + 1);
                String relaxed = setting.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
                if (relaxed.equals("home") || relaxed.equals("defaulthome")) {
                    return where + key + " is set in the home's own file, which is found by the home: set FRAUDSTATS_HOME instead";
                }
                // a group or list left empty (every district commented out) is an empty map to Spring, as before (review)
                if (KEYS.contains(relaxed) || GROUPS.contains(relaxed)) {
                    continue;
                }
                // "[４４０６０９]": a code in brackets is kept whole, and CatalogSettings says what is wrong with it
                int bracket = relaxed.indexOf('[');
                if (bracket > 0 && relaxed.endsWith("]") && LISTS.contains(relaxed.substring(0, bracket))) {
                    continue;
                }
                int dot = setting.lastIndexOf('.');
                if (dot > 0 && LISTS.contains(relaxed.substring(0, relaxed.lastIndexOf('.')))) {
                    String code = setting.substring(dot + 1);
                    if (CODE.matcher(code).matches()) {
                        continue;
                    }
                    return where + key + " is not read: Spring keeps a code of ASCII letters, digits, - and _ only and drops "
                            + "this one without a word (full-width digits or letters, a space?): write the code as the feeds do";
                }
                return where + key + " is no setting of fraudstats (the README's Configuration table lists them): "
                        + "Spring would ignore it without a word";
            }
        }
        return null;
    }

    @Override
    public int getOrder() {
        // after the files Spring reads, which define fraudstats.home's default
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String home = environment.getProperty("fraudstats.home");
        if (home == null || home.isBlank()) {
            return;
        }
        Path file = Path.of(home).toAbsolutePath().normalize().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        List<PropertySource<?>> documents;
        try {
            documents = new YamlPropertySourceLoader().load("deployment settings " + file, new FileSystemResource(file));
        } catch (IOException | RuntimeException e) {
            // said when the settings are bound, once logging is set up: thrown here, Spring printed its trace on
            // standard output, where metrics writes its CSV (tester)
            environment.getPropertySources().addFirst(new MapPropertySource("deployment settings file unreadable",
                    Map.of(PROBLEM, file + "\n" + why(e))));
            return;
        }
        String unread = unreadKey(documents);
        if (unread != null) {
            environment.getPropertySources().addFirst(new MapPropertySource("deployment settings file key not read",
                    Map.of(PROBLEM, file + "\n" + unread)));
            return;
        }
        MutablePropertySources sources = environment.getPropertySources();
        String below = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        // each later document of the file ranks above the one before it, as in Spring's own multi-document files
        for (PropertySource<?> document : documents) {
            if (sources.contains(below)) {
                sources.addAfter(below, document);
            } else {
                sources.addFirst(document);
            }
        }
        // another file merged its catalogue keys with this file's, key by key: a stray city-code in the working folder's
        // application.properties (read until r44d; an additional location now) republished a day's bulletin as
        // 广州市's correction (tester)
        for (PropertySource<?> source : sources) {
            if (source.getName().contains("Config resource 'file [") && source instanceof EnumerablePropertySource<?> found) {
                for (String key : found.getPropertyNames()) {
                    if (key.startsWith("fraudstats.catalog.")) {
                        sources.addFirst(new MapPropertySource("catalogue outside the deployment file", Map.of(PROBLEM,
                                file + "\n" + key + " is also set in " + source.getName().replaceFirst("^Config resource 'file \\[(.*?)\\]'.*", "$1")
                                        + ", a file also given to Spring: keep the catalogue in " + file + " alone")));
                        return;
                    }
                }
            }
        }
    }
}
