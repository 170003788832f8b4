package org.fraudstats.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
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
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().lines().findFirst().orElse("");
            throw new InvalidSetting("fraudstats.home", "holds " + file + ", which cannot be read as YAML: " + why);
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
    }
}
