/**
 * Publishing: BulletinFiles decides the revision (bulletin_revision), writes the files atomically and manifest.json.
 * May use {@code data}, {@code pdf}, {@code workbook}, storage's SQL files and the catalogue.
 */
package org.fraudstats.bulletin.publish;
