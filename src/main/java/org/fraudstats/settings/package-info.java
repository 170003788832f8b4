/**
 * The settings of a deployment, in one record tree bound from {@code fraudstats.*} and checked at start
 * ({@link org.fraudstats.settings.FraudstatsSettings}), with the catalogue as a bean. Every module may use it; it uses
 * only the catalogue.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog"})
package org.fraudstats.settings;
