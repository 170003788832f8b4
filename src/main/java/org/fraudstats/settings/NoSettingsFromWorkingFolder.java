package org.fraudstats.settings;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Spring reads ./application.properties, ./application.yml and ./config/ of whatever folder a command starts in, above
 * the jar's own settings. Anyone who could write to that folder (an inbox the feed systems drop into, /tmp, a shared
 * clone) then chose the mail relay, the database, the portal's address, or Flyway's locations, whose SQL ran as the
 * database's superuser (r44d). The deployment's settings are HOME/fraudstats.yml, the environment and -D options
 * (README, Configuration), so the jar's defaults are the only files Spring looks for. A location given on purpose
 * (spring.config.location or additional-location, on the command line or in the environment) still counts.
 */
public class NoSettingsFromWorkingFolder implements EnvironmentPostProcessor, Ordered {

    static final String ONLY_THE_JAR = "optional:classpath:/";

    @Override
    public int getOrder() {
        // before the config data processor reads spring.config.location
        return ConfigDataEnvironmentPostProcessor.ORDER - 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty("spring.config.location") == null) {
            // last, like a default: any location given on purpose ranks above it
            environment.getPropertySources().addLast(new MapPropertySource("settings only from the jar",
                    Map.of("spring.config.location", ONLY_THE_JAR)));
        }
    }
}
