package org.fraudstats.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
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
 * whatever folder they start in. It ranks above the files Spring finds itself (a ./application.properties of the
 * working folder, the jar's defaults) and below what a run is given (command line, -D, environment variables).
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
        // a file of the folder a command starts in merged its catalogue keys with this file's, key by key: a stray
        // city-code there republished a day's bulletin as 广州市's correction (tester)
        for (PropertySource<?> source : sources) {
            if (source.getName().contains("Config resource 'file [") && source instanceof EnumerablePropertySource<?> found) {
                for (String key : found.getPropertyNames()) {
                    if (key.startsWith("fraudstats.catalog.")) {
                        sources.addFirst(new MapPropertySource("catalogue outside the deployment file", Map.of(PROBLEM,
                                file + "\n" + key + " is also set in " + source.getName().replaceFirst("^Config resource 'file \\[(.*?)\\]'.*", "$1")
                                        + ", a file Spring reads from the folder a command starts in: keep the catalogue in " + file + " alone")));
                        return;
                    }
                }
            }
        }
    }
}
