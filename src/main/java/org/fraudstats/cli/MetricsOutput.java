package org.fraudstats.cli;

import org.fraudstats.metrics.MetricsListing;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command line's JSON style, which is the metrics listing's ({@link MetricsListing#JSON}): the commands of the
 * access branch (user list, audit) print through this name, kept so both branches merge without touching each other.
 */
final class MetricsOutput {

    static final JsonMapper JSON = MetricsListing.JSON;

    private MetricsOutput() {
    }
}
