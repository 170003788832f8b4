package org.fraudstats.bulletin.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.SimplePdfReportConfiguration;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;
import org.fraudstats.bulletin.data.BulletinData;
import org.fraudstats.bulletin.data.DataNote;
import org.fraudstats.bulletin.data.DistrictTable;
import org.fraudstats.bulletin.data.FraudTypeRanking;
import org.fraudstats.bulletin.data.Masthead;
import org.fraudstats.bulletin.data.Provenance;
import org.fraudstats.bulletin.data.YearToDate;
import org.fraudstats.bulletin.look.Formats;
import org.fraudstats.bulletin.look.Labels;
import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.AreaFigures;
import org.fraudstats.metrics.Metric;
import org.fraudstats.press.UnusualNote;
import org.springframework.stereotype.Component;

/**
 * The PDF 通报: compiles the templates of {@code report-templates/bulletin/} once (about a second), then fills
 * them with one bulletin's texts and formatted figures in milliseconds. A compiled report is read-only while
 * filling, so the one instance serves any number of threads; everything per document lives in the parameter
 * map of that fill.
 */
@Component
public final class BulletinPdf {

    static final String TEMPLATES = "report-templates/bulletin/";
    /** colord's sRGB profile (CC0, Debian colord-data): PDF/A wants the colours' meaning inside the file. */
    static final String SRGB_PROFILE = "color/sRGB.icc";

    private final Catalog catalog;
    private final JasperReport bulletin;
    private final JasperReport districtFigures;
    private final JasperReport districtChanges;
    private final JasperReport fraudTypes;
    private final JasperReport yearToDate;

    BulletinPdf(Catalog catalog) {
        // JasperReports reads the PDF's images (its 1-pixel spacer too) with ImageIO, which by default caches each read
        // in a temporary file closed by a JVM shutdown hook it adds on first use: a night serve's stop (SIGTERM) found
        // rendering then failed with "IllegalStateException: Shutdown in progress" where the stop is to let it finish
        // (r38f). The images are a few bytes; read in memory, they need no file and no hook.
        javax.imageio.ImageIO.setUseCache(false);
        this.catalog = catalog;
        this.bulletin = compile("bulletin.jrxml");
        this.districtFigures = compile("district-figures.jrxml");
        this.districtChanges = compile("district-changes.jrxml");
        this.fraudTypes = compile("fraud-types.jrxml");
        this.yearToDate = compile("year-to-date.jrxml");
    }

    public void write(BulletinData data, OutputStream out) throws JRException, java.io.IOException {
        // also refuses to render when JasperReports could not load the bulletin font (FontCheck.family)
        requireDrawable(data);
        Masthead masthead = Masthead.of(data, catalog);
        DistrictTable table = new DistrictTable(data, catalog);
        Map<String, Object> p = new HashMap<>();
        p.put(JRParameter.REPORT_LOCALE, Locale.SIMPLIFIED_CHINESE);
        p.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone(Provenance.BEIJING));
        p.put("ORGANISATION", masthead.organisation());
        p.put("DOCUMENT_NAME", masthead.documentName());
        p.put("ISSUE", masthead.issue());
        p.put("PERIOD", masthead.period());
        p.put("ISSUED_ON", masthead.issuedOn());
        p.put("TITLE", data.title() + data.revisionMark());
        // 异常提示 first (daily bulletins only): the heading in the masthead's red, then the sentences as they are
        p.put("SHOW_UNUSUAL", data.unusual() != null);
        p.put("UNUSUAL", data.unusual() == null ? null
                : "<style isBold=\"true\" forecolor=\"#D7000F\">" + UnusualNote.HEADING + "：</style>" + styledText(data.unusual()));
        p.put("SUMMARY", data.summaryWithNotice());
        // the tables' headings, passed on to their subreports: FIGURES_CASES is 表1's column of cases
        for (Metric metric : DistrictTable.COLUMNS) {
            p.put("FIGURES_" + metric.name(), Labels.column(metric, true));
        }
        for (Metric metric : DistrictTable.CHANGE_COLUMNS) {
            p.put("CHANGES_" + metric.name(), Labels.shortName(metric));
        }
        p.put("TYPES_CASES", Labels.column(Metric.CASES, false));
        p.put("TYPES_LOSS_AMOUNT", Labels.column(Metric.LOSS_AMOUNT, false));
        p.put("DISTRICT_FIGURES", districtFigures);
        p.put("DISTRICT_FIGURES_ROWS", source(figureRows(data, table)));
        p.put("DISTRICT_CHANGES", districtChanges);
        p.put("DISTRICT_CHANGES_ROWS", source(changeRows(table)));
        p.put("BASE_PERIODS", DataNote.changesNote(table));
        p.put("FRAUD_TYPES", fraudTypes);
        p.put("FRAUD_TYPES_BY_CASES", source(rankRows(FraudTypeRanking.byCases(data.fraudTypes()))));
        p.put("FRAUD_TYPES_BY_LOSS", source(rankRows(FraudTypeRanking.byLoss(data.fraudTypes()))));
        // a day whose data has not arrived is no day without a case
        p.put("NO_CASES", data.notArrived(table.city().current(), Metric.CASES) ? "数据未到" : "本期无警情");
        p.put("TREND_HEADING", TrendChart.heading(data));
        p.put("DAYS", new ReplayedRows(TrendChart.rows(data)));
        p.put("CASES_LABEL", Labels.shortWithUnit(Metric.CASES));
        p.put("STOP_AMOUNT_LABEL", Labels.shortWithUnit(Metric.STOP_AMOUNT));
        p.put("YEAR_TO_DATE", yearToDate);
        p.put("YEAR_TO_DATE_ROWS", source(yearToDateRows(data, YearToDate.rows(data))));
        p.put("YEAR_TO_DATE_HEADING", "五、" + YearToDate.heading(data));
        p.put("YEAR_TO_DATE_NOTE", DataNote.yearToDateNote(data));
        p.put("DATA_NOTE", data.revisionNote() + DataNote.provenance(data.provenance()));
        p.put("GENERATED_AT", "生成于 " + DataNote.generatedAt(data.provenance()));
        p.put("MARKING", org.fraudstats.bulletin.Marking.TEXT);

        // One record: the detail bands are the bulletin's sections, printed once each.
        JasperPrint print = JasperFillManager.fillReport(bulletin, p, new JREmptyDataSource(1));

        SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
        config.setMetadataTitle(masthead.title() + data.revisionMark());
        config.setMetadataSubject(data.title() + data.revisionMark());
        config.setMetadataAuthor(masthead.organisation());
        config.setMetadataCreator("fraudstats");
        config.setMetadataKeywords(String.join(", ", masthead.organisation(), masthead.documentName(), masthead.period()));
        config.setDisplayMetadataTitle(true);
        // the document's language in its catalog (/Lang), which a screen reader and an archive's index read: the text is
        // Chinese, and a reader left to guess read it as the system's language (r39a)
        config.setTagLanguage("zh-CN");
        // Archives keep bulletins as PDF/A-2b: fonts embedded (the font extension's), colours tied to sRGB,
        // XMP metadata (written by xmpcore; without it OpenPDF's own XMP declares no PDF/A part).
        config.setPdfaConformance(PdfaConformanceEnum.PDFA_2B);
        config.setIccProfilePath(SRGB_PROFILE);
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setConfiguration(config);
        // the lines as the fill measured them: the exporter's own line breaking differed for CJK text, so a growing
        // field (a revision's list of changes) sometimes needed one line more than it had grown by, and its last
        // line was dropped without a sign (tester A)
        SimplePdfReportConfiguration lines = new SimplePdfReportConfiguration();
        lines.setForceLineBreakPolicy(true);
        exporter.setConfiguration(lines);
        // a write that failed (a full disk) is said by its own cause, not by the exporter's wrapping of it
        org.fraudstats.storage.FirstWriteFailure.write(out, sink -> {
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(sink));
            exporter.exportReport();
        });
    }

    /** Every district's and fraud type's name of the catalogue, checked against the font before anything renders. */
    public void requireCatalogueDrawable() {
        FontCheck.requireDrawable("fraudstats.catalog.city-name " + catalog.cityName(), catalog.cityName());
        catalog.districts().forEach((code, name) -> FontCheck.requireDrawable("fraudstats.catalog.districts." + code + " " + name, name));
        catalog.fraudTypes().forEach((code, name) -> FontCheck.requireDrawable("fraudstats.catalog.fraud-types." + code + " " + name, name));
    }

    // The caller's own words and the catalogue's names are the only text the templates did not fix in advance.
    private void requireDrawable(BulletinData data) {
        FontCheck.requireDrawable("the title", data.title());
        FontCheck.requireDrawable("the summary", data.summary());
        if (data.unusual() != null) {
            FontCheck.requireDrawable("the 异常提示", data.unusual());
        }
        data.areas().forEach(a -> catalog.areaName(a.districtCode())
                .ifPresent(name -> FontCheck.requireDrawable("area " + a.districtCode(), name)));
        data.fraudTypes().forEach(t -> FontCheck.requireDrawable("fraud type " + t.code(), t.name()));
    }

    private static List<Map<String, ?>> figureRows(BulletinData data, DistrictTable table) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (DistrictTable.Row row : table.rows()) {
            Map<String, Object> cells = area(row);
            for (Metric metric : DistrictTable.COLUMNS) {
                cells.put(metric.key(), figure(data, metric, row.current()));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static List<Map<String, ?>> changeRows(DistrictTable table) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (DistrictTable.Row row : table.rows()) {
            Map<String, Object> yoy = area(row);
            Map<String, Object> pop = area(row);
            yoy.put("comparison", "同比");
            pop.put("comparison", "环比");
            for (Metric metric : DistrictTable.CHANGE_COLUMNS) {
                yoy.put(metric.key(), Formats.percent(row.yoy(metric)));
                pop.put(metric.key(), Formats.percent(row.pop(metric)));
            }
            rows.add(yoy);
            rows.add(pop);
        }
        return rows;
    }

    private static Map<String, Object> area(DistrictTable.Row row) {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("area", row.name());
        cells.put("city", row.city());
        return cells;
    }

    private static List<Map<String, ?>> rankRows(List<FraudTypeRanking.Ranked> ranked) {
        return ranked.stream().<Map<String, ?>>map(r -> Map.of(
                "rank", String.valueOf(r.rank()),
                "name", r.type().name(),
                "cases", Formats.count(r.type().cases()),
                "loss_amount", Formats.money(r.type().lossAmount()))).toList();
    }

    /** A figure as printed, "—" for a 0 of a day whose data has not arrived (BulletinData.notArrived). */
    private static String figure(BulletinData data, Metric metric, AreaFigures figures) {
        return data.notArrived(figures, metric) ? "—" : Formats.figure(metric, figures);
    }

    private static List<Map<String, ?>> yearToDateRows(BulletinData data, List<YearToDate.Row> rows) {
        return rows.stream().<Map<String, ?>>map(r -> Map.of(
                "metric", Labels.withUnit(r.metric()),
                // a 1 January daily's year to date is its day alone
                "ytd", figure(data, r.metric(), r.ytd()),
                "last_year", Formats.figure(r.metric(), r.lastYear()),
                // metrics.md defines no 同比 of the median: its "—" read as a base of 0, the only "—" the bulletin explains,
                // beside last year's median printed in full (a leader)
                "change", r.metric().comparable() ? Formats.percent(r.change()) : "不计算")).toList();
    }

    /** Text inside a styled-markup field: a catalogue name with '&' or '<' must print as written. */
    private static String styledText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static JRMapCollectionDataSource source(List<Map<String, ?>> rows) {
        return new JRMapCollectionDataSource(rows);
    }

    private static JasperReport compile(String name) {
        try (InputStream jrxml = BulletinPdf.class.getClassLoader().getResourceAsStream(TEMPLATES + name)) {
            if (jrxml == null) {
                throw new IllegalStateException("template " + TEMPLATES + name + " is not on the classpath");
            }
            return JasperCompileManager.compileReport(jrxml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JRException e) {
            throw new IllegalStateException("template " + TEMPLATES + name + " does not compile: " + e.getMessage(), e);
        }
    }
}
