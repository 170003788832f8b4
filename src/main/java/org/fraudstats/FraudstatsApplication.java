package org.fraudstats;

import org.fraudstats.catalog.Catalog;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(Catalog.class)
public class FraudstatsApplication {
}
