/**
 * Synthetic source drops for load tests, demos and pipeline checks: {@link org.fraudstats.generate.SyntheticDrops}
 * writes one folder of feeds.md CSV files per day (the loader's Feed schema), shaped like Foshan's 2022 figures and
 * carrying the awkwardness of real exports; a pure function of the seed, in flat memory. Uses catalog and ingest's Feed.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "ingest"})
package org.fraudstats.generate;
