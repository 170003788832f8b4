/**
 * The schedules of jobs/*.yml run by `./fraudstats serve`: Quartz with the JDBC job store on the pipeline's
 * PostgreSQL, clustered, so several nodes can serve and each night still runs once. This module knows only when,
 * for which days, and what became of each run (table schedule_run): missed nights are caught up oldest first, and
 * a missing drop is waited for until a deadline. It uses the nightly pipeline
 * ({@link org.fraudstats.nightly.NightlyPipeline}, behind {@link org.fraudstats.schedule.ScheduledWork} so tests
 * can fire schedules without loading anything) and storage's locks and SQL files.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"nightly", "settings", "storage", "audit"})
package org.fraudstats.schedule;
