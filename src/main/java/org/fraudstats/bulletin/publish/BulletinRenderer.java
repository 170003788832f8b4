package org.fraudstats.bulletin.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.bulletin.data.BulletinData;
import org.fraudstats.bulletin.pdf.BulletinPdf;
import org.fraudstats.bulletin.workbook.BulletinWorkbook;
import org.fraudstats.bulletin.pdf.FontCheck;

/**
 * Renders bulletins: the PDF 通报 and the Excel workbook of one {@link BulletinData}. Build one and keep it:
 * the constructor compiles the templates (the slow part, about a second), after which each document takes
 * milliseconds and any number of threads may render at once. Each file appears at its target complete or
 * not at all.
 */
public final class BulletinRenderer {

    private final Catalog catalog;
    private final BulletinPdf pdf;
    private final BulletinWorkbook workbook;

    public BulletinRenderer(Catalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.pdf = new BulletinPdf(catalog);
        this.workbook = new BulletinWorkbook(catalog);
    }

    public void writePdf(BulletinData data, Path target) throws IOException {
        requireDrawable(data);
        AtomicFiles.write(target, out -> pdf.write(data, out));
    }

    public void writeXlsx(BulletinData data, Path target) throws IOException {
        AtomicFiles.write(target, out -> workbook.write(data, out));
    }

    // The caller's own words and the catalogue's names are the only text the templates did not fix in advance.
    private void requireDrawable(BulletinData data) {
        FontCheck.requireDrawable("the title", data.title());
        FontCheck.requireDrawable("the summary", data.summary());
        data.areas().forEach(a -> catalog.areaName(a.districtCode())
                .ifPresent(name -> FontCheck.requireDrawable("area " + a.districtCode(), name)));
        data.fraudTypes().forEach(t -> FontCheck.requireDrawable("fraud type " + t.code(), t.name()));
    }
}
