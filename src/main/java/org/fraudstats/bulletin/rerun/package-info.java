/**
 * The `rerun` Batch job (a partition per day, then the range), and RerunParameters, its parameters written and read.
 * May use Spring Batch and the module's root package (BulletinPublisher, RerunProgress) only.
 */
package org.fraudstats.bulletin.rerun;
