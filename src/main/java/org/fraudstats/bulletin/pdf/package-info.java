/**
 * The PDF 通报: BulletinPdf fills report-templates/bulletin/ (JasperReports) and refuses text the font cannot draw.
 * May use JasperReports, {@code data}, {@code look} and the catalogue.
 */
package org.fraudstats.bulletin.pdf;
