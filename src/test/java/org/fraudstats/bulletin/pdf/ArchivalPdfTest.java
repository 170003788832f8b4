package org.fraudstats.bulletin.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.fraudstats.bulletin.BulletinKind;
import org.fraudstats.bulletin.data.BulletinData;
import org.fraudstats.bulletin.data.SampleBulletins;
import org.fraudstats.catalog.Catalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Government archives keep bulletins as PDF/A-2b; veraPDF is the validator they check them with. */
class ArchivalPdfTest {

    private static BulletinPdf pdf;

    @BeforeAll
    static void setUp() {
        pdf = new BulletinPdf(Catalog.foshan());
        VeraGreenfieldFoundryProvider.initialise();
    }

    /** Every kind of bulletin, and a revision with a notice: each lays out different texts and bands. */
    static List<BulletinData> bulletins() {
        BulletinData range = SampleBulletins.range();
        return List.of(
                SampleBulletins.daily(),
                SampleBulletins.daily().withRevision(2, List.of("南海区 电诈警情 1 → 0"), "2022年10月24日数据未到"),
                as(range, BulletinKind.WEEKLY, LocalDate.of(2022, 10, 17), LocalDate.of(2022, 10, 23)),
                as(range, BulletinKind.MONTHLY, LocalDate.of(2022, 10, 1), LocalDate.of(2022, 10, 31)),
                range);
    }

    @ParameterizedTest
    @MethodSource("bulletins")
    void shouldPassEveryPdfA2bRuleOfVeraPdf(BulletinData data) throws Exception {
        byte[] bytes = render(data);
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(bytes), PDFAFlavour.PDFA_2_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failed = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage()
                            + " (" + a.getLocation().getContext() + ")")
                    .distinct()
                    .toList();
            assertThat(failed).as(data.kind() + " revision " + data.revision()).isEmpty();
            assertThat(result.getPDFAFlavour()).isEqualTo(PDFAFlavour.PDFA_2_B);
            assertThat(result.isCompliant()).isTrue();
            assertThat(result.getTotalAssertions()).as("checks made").isGreaterThan(10_000);
        }
    }

    @ParameterizedTest
    @MethodSource("bulletins")
    void shouldDeclareSrgbAndItsMetadata(BulletinData data) throws Exception {
        try (PDDocument document = Loader.loadPDF(render(data))) {
            List<PDOutputIntent> intents = document.getDocumentCatalog().getOutputIntents();
            assertThat(intents).hasSize(1);
            assertThat(intents.get(0).getDestOutputIntent().createInputStream().readAllBytes())
                    .isEqualTo(BulletinPdf.class.getClassLoader().getResourceAsStream(BulletinPdf.SRGB_PROFILE).readAllBytes());
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("pdfaid:part", "佛山市反诈骗中心", data.kind().documentName());
            assertThat(xmp).containsPattern("pdfaid:part(=\"|>)2").containsPattern("pdfaid:conformance(=\"|>)B");
            // the language of its text, for screen readers and an archive's index (r39a: none)
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("zh-CN");
        }
    }

    private static BulletinData as(BulletinData data, BulletinKind kind, LocalDate from, LocalDate to) {
        return new BulletinData(kind, from, to, data.issue(), data.title(), data.summary(), data.areas(), data.yoyBase(),
                data.popBase(), data.fraudTypes(), data.days(), data.ytd(), data.ytdLastYear(), data.provenance());
    }

    private static byte[] render(BulletinData data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.write(data, out);
        return out.toByteArray();
    }
}
