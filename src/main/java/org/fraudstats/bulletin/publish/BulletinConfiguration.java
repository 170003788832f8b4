package org.fraudstats.bulletin.publish;

import org.fraudstats.catalog.Catalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One renderer per application: it compiles the templates once, and every bulletin reuses them. */
@Configuration(proxyBeanMethods = false)
class BulletinConfiguration {

    @Bean
    BulletinRenderer bulletinRenderer(Catalog catalog) {
        return new BulletinRenderer(catalog);
    }
}
