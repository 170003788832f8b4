/**
 * Loading the drops (feeds.md): each drop is one Spring Batch job instance that streams its files into staging
 * with COPY and merges them into the facts in one transaction, by the rules of corrections, idempotence,
 * rejects, pending orphans and protected account numbers.
 */
package org.fraudstats.ingest;
