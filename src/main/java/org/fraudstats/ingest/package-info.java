/**
 * Loading the drops (feeds.md): each drop is one Spring Batch job instance that streams its files into staging
 * and merges them into the facts in one transaction, by the rules of corrections, idempotence, rejects, pending
 * orphans and protected account numbers. Uses catalog, settings and storage.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "settings", "storage"})
package org.fraudstats.ingest;
