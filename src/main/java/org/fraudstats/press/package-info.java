/**
 * Press forms of headline figures (press-style.md): the sentences a press office quotes, with the exact figure
 * beside every press form, and their English rendering. Pure functions over metrics' AreaFigures and the catalog.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "metrics"})
package org.fraudstats.press;
