/**
 * The settings of a deployment, in one record tree bound from {@code fraudstats.*} and checked at start
 * ({@link org.fraudstats.settings.FraudstatsSettings}), with the catalogue as a bean. Every package may use it; it
 * uses only the catalogue.
 */
package org.fraudstats.settings;
