/**
 * The Excel workbook: BulletinWorkbook writes the PDF's figures as numbers with formats, five sheets and a chart.
 * May use POI, {@code data}, {@code look} and the catalogue.
 */
package org.fraudstats.bulletin.workbook;
