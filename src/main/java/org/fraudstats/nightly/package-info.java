/**
 * The nightly pipeline, defined in one file ({@link org.fraudstats.nightly.NightlyPipeline}): load the night's drops,
 * find the published bulletins a load changed (sql/nightly/), render and publish them again with the day's own, revisions
 * included. `fraudstats nightly` and the schedules call it. It uses ingest, bulletin, metrics (to check the rollups its
 * loads recomputed) and storage; nothing it does knows when it runs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"bulletin", "ingest", "metrics", "storage"})
package org.fraudstats.nightly;
