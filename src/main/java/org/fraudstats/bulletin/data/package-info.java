/**
 * What one bulletin says, already computed: BulletinData, its assembler, and the parts both formats print alike.
 * May use metrics, press, catalog, ingest's provenance and {@code look}; knows nothing of PDF, Excel or files.
 */
package org.fraudstats.bulletin.data;
