/**
 * Press forms of headline figures: turns the exact figures of one area and period into the sentence a press
 * office quotes ("2022年以来，全市共处置电诈警情1.7万多宗…", press-style.md), with the exact figure kept beside
 * every press form for anyone who checks, and an English rendering of the same figures. Pure functions over
 * {@link org.fraudstats.metrics.AreaFigures} and the {@link org.fraudstats.catalog.Catalog}; no database, no beans.
 */
package org.fraudstats.press;
