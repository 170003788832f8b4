package org.fraudstats.settings;

import org.fraudstats.catalog.Catalog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds the settings once; the catalogue is a bean of its own because most packages need only it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FraudstatsSettings.class)
class SettingsConfiguration {

    @Bean
    Catalog catalog(FraudstatsSettings settings) {
        return settings.catalog();
    }
}
