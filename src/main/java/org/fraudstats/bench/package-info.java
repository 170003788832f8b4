/**
 * `fraudstats bench`: the pipeline timed against bare PostgreSQL on the same data. It empties tables between
 * measurements, so it runs only on a PostgreSQL it starts itself in a throwaway directory
 * ({@link org.fraudstats.bench.ThrowawayBench}, its one entry, used by the cli's `bench` command alone) and its
 * statements under sql/bench/ are read by nothing else (BenchIsolationTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"bulletin", "catalog", "generate", "ingest", "metrics", "settings", "storage"})
package org.fraudstats.bench;
