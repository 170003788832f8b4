/**
 * Where data lives (cli.md): $FRAUDSTATS_HOME, the embedded PostgreSQL started when no SPRING_DATASOURCE_URL
 * is given, and the deployment's key for account numbers.
 */
package org.fraudstats.storage;
