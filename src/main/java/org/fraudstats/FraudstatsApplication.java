package org.fraudstats;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application: one module per feature package beneath this one (README, Layout). */
@SpringBootApplication
public class FraudstatsApplication {
}
