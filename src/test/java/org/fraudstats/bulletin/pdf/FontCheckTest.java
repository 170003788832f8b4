package org.fraudstats.bulletin.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.fraudstats.catalog.Catalog;
import org.fraudstats.metrics.Metric;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped font is a subset: every text the bulletins can print by themselves must be in it. Checked with
 * both faces, since headings and the city's row are bold.
 */
class FontCheckTest {

    private static final Pattern CDATA = Pattern.compile("<!\\[CDATA\\[(.*?)]]>", Pattern.DOTALL);
    private static final Pattern PATTERN_ATTRIBUTE = Pattern.compile("pattern=\"([^\"]*)\"");
    private static final Pattern JAVA_STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    private static List<Font> faces;

    @BeforeAll
    static void loadFaces() throws IOException, FontFormatException {
        faces = List.of(load(FontCheck.REGULAR), load(FontCheck.BOLD));
    }

    @Test
    void shouldDrawEveryAreaAndFraudTypeOfTheCatalogue() {
        Catalog catalog = Catalog.foshan();
        List<String> texts = new ArrayList<>(catalog.districts().values());
        texts.add(catalog.cityName());
        texts.addAll(catalog.fraudTypes().values());
        Stream.of(Metric.values()).map(Metric::chineseName).forEach(texts::add);
        assertDrawable(texts);
    }

    @Test
    void shouldDrawEveryTownStationAndSymbolOfExtraText() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("report-templates/fonts/extra-text.txt"), StandardCharsets.UTF_8)
                .stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        assertDrawable(lines);
    }

    @Test
    void shouldDrawEveryLabelOfTheTemplates() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> templates = Files.list(Path.of("report-templates/bulletin"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".jrxml")).toList()) {
                String xml = Files.readString(template);
                texts.addAll(all(CDATA, xml));
                texts.addAll(all(PATTERN_ATTRIBUTE, xml));
            }
        }
        assertThat(texts).contains("一、各区警情及处置情况", "按案损金额排名", "今年以来");
        assertDrawable(texts);
    }

    @Test
    void shouldDrawEveryLabelTheBulletinCodeWrites() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/fraudstats/bulletin"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                texts.addAll(all(JAVA_STRING, Files.readString(source)));
            }
        }
        // and the metrics' names and units, which the bulletins print (Metric: the units moved there, r43a); their
        // definitions are the workbook's and the portal's, which the PDF does not print
        texts.addAll(all(JAVA_STRING, Files.readString(Path.of("src/main/java/org/fraudstats/metrics/Metric.java"))));
        assertThat(texts).contains("同比基期", "（北京时间）", "警情", "止付中位时长", "分钟", "人次", "内部资料 注意保密");
        assertDrawable(texts);
    }

    @Test
    void shouldRefuseTextOutsideTheFontNamingTheCharacters() {
        assertThat(FontCheck.missing("北滘派出所")).isEmpty();
        String rare = "𠀀";  // U+20000, CJK Extension B: not in the subset
        assertThat(FontCheck.missing("关于" + rare + "的通报")).isEqualTo(rare);
        assertThatThrownBy(() -> FontCheck.requireDrawable("the title", rare))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(rare + " U+20000").hasMessageContaining("extra-text.txt");
        // invisible format characters pasted with a name (zero-width space, byte-order mark) draw nothing: no refusal
        assertThat(FontCheck.missing("南海区\u200B\uFEFF")).isEmpty();
    }

    private static void assertDrawable(List<String> texts) {
        for (Font face : faces) {
            for (String text : texts) {
                String printable = text.replaceAll("\\s", "");
                assertThat(face.canDisplayUpTo(printable)).as("%s cannot draw %s", face.getFontName(), text).isEqualTo(-1);
            }
        }
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Font load(String resource) throws IOException, FontFormatException {
        try (InputStream in = FontCheckTest.class.getClassLoader().getResourceAsStream(resource)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        }
    }
}
