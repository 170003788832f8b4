/**
 * The nightly pipeline, defined in one file ({@link org.fraudstats.nightly.NightlyPipeline}): load the night's drops,
 * check the rollups those loads recomputed, find the published bulletins a load changed (sql/nightly/), render and
 * publish them again with the day's own, revisions included, then mail them (delivery). `fraudstats nightly` and the
 * schedules call it. It uses ingest, metrics (the rollup check), bulletin, delivery and storage; nothing it does knows
 * when it runs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"bulletin", "delivery", "ingest", "metrics", "storage"})
package org.fraudstats.nightly;
