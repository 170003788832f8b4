package org.fraudstats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;

import org.fraudstats.settings.FraudstatsSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** A setting the application cannot start with is reported in one line naming its key, as any usage problem. */
class SettingsErrorsTest {

    private static String messageFor(Map<String, String> properties) {
        Throwable failure = catchThrowable(() -> new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("fraudstats", FraudstatsSettings.class));
        return Cli.userMessage(new IllegalStateException("context failed", failure));
    }

    @Test
    void aValueOutOfRangeNamesTheKeyAndTheLimits() {
        assertThat(messageFor(Map.of("fraudstats.home", "/srv/f", "fraudstats.cache", "/c", "fraudstats.render-threads", "99")))
                .isEqualTo("setting fraudstats.render-threads 99 is not between 1 and 64");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheKeyAndTheValue() {
        assertThat(messageFor(Map.of("fraudstats.home", "/srv/f", "fraudstats.cache", "/c", "fraudstats.render-threads", "four")))
                .isEqualTo("setting fraudstats.render-threads 'four' is not a valid int");
    }
}
