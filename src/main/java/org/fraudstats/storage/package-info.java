/**
 * Where data lives (cli.md): $FRAUDSTATS_HOME, the embedded PostgreSQL started when no SPRING_DATASOURCE_URL
 * is given, the SQL files under sql/ and the run locks; and {@link org.fraudstats.storage.DigitRuns}, how a value that
 * may hold an account number is stored or shown. Uses settings only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"settings"})
package org.fraudstats.storage;
