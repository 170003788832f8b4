/**
 * The settings of a deployment, in one record tree bound from {@code fraudstats.*} and checked at start
 * ({@link org.fraudstats.settings.FraudstatsSettings}), with the catalogue as a bean; and the centre's time: the
 * business zone ({@link org.fraudstats.settings.BusinessTime}) and the one {@link java.time.Clock} bean, which tests
 * replace. Every module may use it; it uses only the catalogue.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog"})
package org.fraudstats.settings;
