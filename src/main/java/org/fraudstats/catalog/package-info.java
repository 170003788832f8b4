/**
 * The catalogues a deployment configures: its districts (with the city that covers them) and the fraud types,
 * each with the Chinese name that bulletins and press sentences use.
 */
package org.fraudstats.catalog;
