/**
 * The figures of metrics.md (统计口径), computed by PostgreSQL from the daily rollups with the queries under
 * sql/metrics/, for any period, by day or over the range, for each district and the city, with 同比 and 环比.
 * Uses catalog, settings (a catalogue that loses loaded records is a bad setting) and storage; knows nothing of bulletins, press or the web.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "settings", "storage"})
package org.fraudstats.metrics;
