package org.fraudstats;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FraudstatsApplication {
}
