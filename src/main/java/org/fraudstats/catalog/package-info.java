/**
 * The catalogues a deployment configures: its districts (with the city that covers them) and the fraud types,
 * each with the Chinese (and English) name that bulletins and press sentences use. Uses no other module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.fraudstats.catalog;
