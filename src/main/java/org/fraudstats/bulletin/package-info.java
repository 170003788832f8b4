/**
 * Bulletins that leadership reads: the official PDF 通报 (JasperReports templates under
 * {@code report-templates/bulletin/}) and the Excel workbook analysts open, both rendered from a
 * {@link org.fraudstats.bulletin.BulletinData} whose figures were already computed by {@code metrics}.
 * Nothing here or in a template computes a figure; the only arithmetic is the presentation-only percent
 * change of metrics.md ({@link org.fraudstats.bulletin.Change}), and every figure is printed exactly.
 */
package org.fraudstats.bulletin;
