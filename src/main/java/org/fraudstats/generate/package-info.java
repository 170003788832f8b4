/**
 * Synthetic source drops for load tests, demos and pipeline checks: {@link org.fraudstats.generate.SyntheticDrops}
 * writes one folder of feeds.md CSV files per day, shaped like Foshan's 2022 figures (multiplied by a
 * {@link org.fraudstats.generate.Scale}) and carrying the awkwardness of real exports: BOMs, CRLF, shuffled and extra
 * columns, quoted free text, three timestamp forms, late arrivals, corrections, orphans and a chosen share of bad
 * rows. Output is a pure function of the seed and memory stays flat, so a national year can be produced on a laptop
 * and reproduced byte for byte.
 */
package org.fraudstats.generate;
