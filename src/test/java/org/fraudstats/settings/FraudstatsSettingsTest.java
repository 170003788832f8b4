package org.fraudstats.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The settings bind from fraudstats.* keys with the README's defaults, and a bad value names its key. */
class FraudstatsSettingsTest {

    private static FraudstatsSettings bind(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(Map.of("fraudstats.home", "/srv/fraudstats", "fraudstats.cache", "/var/cache/fraudstats"));
        all.putAll(properties);
        return new Binder(new MapConfigurationPropertySource(all)).bindOrCreate("fraudstats", FraudstatsSettings.class);
    }

    @Test
    void inboxAndOutDefaultToFoldersOfTheHome() {
        FraudstatsSettings settings = bind(Map.of());
        assertThat(settings.home()).isEqualTo(Path.of("/srv/fraudstats"));
        assertThat(settings.inbox()).isEqualTo(Path.of("/srv/fraudstats/inbox"));
        assertThat(settings.out()).isEqualTo(Path.of("/srv/fraudstats/out"));
        assertThat(settings.jobsDir()).isNull();
        assertThat(settings.renderThreads()).isEqualTo(2);
        assertThat(settings.embedded().durable()).isTrue();
        assertThat(settings.accountKey()).isEmpty();
    }

    @Test
    void theCatalogueDefaultsToFoshanAndADeploymentConfiguresItsOwn() {
        assertThat(bind(Map.of()).catalog().districtCodes()).containsExactly("440604", "440605", "440606", "440607", "440608");
        assertThat(bind(Map.of()).catalog().englishName("440605")).contains("Nanhai District");

        FraudstatsSettings guangzhou = bind(Map.of("fraudstats.catalog.city-code", "440100", "fraudstats.catalog.city-name", "广州市",
                "fraudstats.catalog.districts.440106", "天河区", "fraudstats.catalog.districts.440103", "荔湾区"));
        assertThat(guangzhou.catalog().cityCode()).isEqualTo("440100");
        assertThat(guangzhou.catalog().districts()).containsExactly(Map.entry("440103", "荔湾区"), Map.entry("440106", "天河区"));
        // Foshan's English names never label another city's districts
        assertThat(guangzhou.catalog().englishName("440106")).isEmpty();
    }

    @Test
    void aBadValueNamesItsKey() {
        assertThatThrownBy(() -> bind(Map.of("fraudstats.render-threads", "0")))
                .rootCause().isInstanceOf(InvalidSetting.class)
                .hasMessage("setting fraudstats.render-threads 0 is not between 1 and 64");
        assertThatThrownBy(() -> bind(Map.of("fraudstats.concurrent-listings", "8")))
                .rootCause().hasMessage("setting fraudstats.concurrent-listings 8 is not between 1 and 5");
        assertThatThrownBy(() -> bind(Map.of("fraudstats.home", "")))
                .rootCause().hasMessage("setting fraudstats.home is empty: set FRAUDSTATS_HOME to a folder");
        // the city's code is a district's: every table printed two rows under it, their figures mixed (tester)
        assertThatThrownBy(() -> bind(Map.of("fraudstats.catalog.city-code", "440604")))
                .rootCause().hasMessage("setting fraudstats.catalog.city-code 440604 is also a district in "
                        + "fraudstats.catalog.districts: the city's figures and that district's would share one code");
        assertThatThrownBy(() -> bind(Map.of("fraudstats.catalog.districts.440600", "市辖区", "fraudstats.catalog.districts.440604", "禅城区")))
                .rootCause().hasMessageStartingWith("setting fraudstats.catalog.city-code 440600 is also a district");
    }

    /**
     * The first day the records are whole from, said by the deployment: one stray record dated weeks before the first
     * drop moved the earliest record day back, and a weekly's 环比 against three days of records was computed (review).
     */
    @Test
    void theRecordsStartIsADateOrNothing() {
        assertThat(bind(Map.of()).recordsStartDay()).isEmpty();
        assertThat(bind(Map.of("fraudstats.records-start", "2021-10-01")).recordsStartDay()).contains(java.time.LocalDate.of(2021, 10, 1));
        assertThat(new org.fraudstats.bulletin.FirstDayLoadedProbe(bind(Map.of("fraudstats.records-start", "2021-10-01"))).firstDay())
                .contains(java.time.LocalDate.of(2021, 10, 1));
        assertThatThrownBy(() -> bind(Map.of("fraudstats.records-start", "2021-10")))
                .rootCause().hasMessage("setting fraudstats.records-start '2021-10' is not a date (e.g. 2021-10-01)");
    }

    /** Each of these was accepted, exit 0, and printed in bulletins (tester of deployments' catalogues). */
    @Test
    void aCatalogueThatWouldPrintWrongIsRefusedNamingItsKey() {
        assertThatThrownBy(() -> bind(Map.of("fraudstats.catalog.districts.4406", "短码")))
                .rootCause().hasMessage("setting fraudstats.catalog.districts.4406 names a district code that is not six digits (GB/T 2260, as 440605)");
        assertThatThrownBy(() -> bind(Map.of("fraudstats.catalog.districts.ABCDEF", "字母区")))
                .rootCause().hasMessageStartingWith("setting fraudstats.catalog.districts.ABCDEF names a district code that is not six digits");
        assertThatThrownBy(() -> bind(Map.of("fraudstats.catalog.districts.440609", " ")))
                .rootCause().hasMessage("setting fraudstats.catalog.districts.440609 is empty: give the name as bulletins print it");
        assertThatThrownBy(() -> bind(Map.of("fraudstats.catalog.districts.440605", "南海区", "fraudstats.catalog.districts.440606", "南海区")))
                .rootCause().hasMessage("setting fraudstats.catalog.districts.440606 南海区 is also the name of district 440605: "
                        + "two rows of every table would read alike");
        assertThatThrownBy(() -> bind(Map.of("fraudstats.catalog.fraud-types.romance", "网恋")))
                .rootCause().hasMessageStartingWith("setting fraudstats.catalog.fraud-types.romance names a fraud type code that is not in capital letters");
        assertThatThrownBy(() -> bind(Map.of("fraudstats.catalog.city-code", "44")))
                .rootCause().hasMessage("setting fraudstats.catalog.city-code 44 is not a code of six digits (GB/T 2260, as 440600)");
        assertThatThrownBy(() -> bind(Map.of("fraudstats.catalog.city-name", "")))
                .rootCause().hasMessage("setting fraudstats.catalog.city-name is empty: give the name as bulletins print it");
        // another city's code under Foshan's name: the masthead said 佛山市反诈骗中心 beside 荔湾区
        assertThatThrownBy(() -> bind(Map.of("fraudstats.catalog.city-code", "440100", "fraudstats.catalog.districts.440103", "荔湾区")))
                .rootCause().hasMessage("setting fraudstats.catalog.city-name is not set, and the default 佛山市 is not the name of city 440100: "
                        + "set fraudstats.catalog.city-name too");
        // 广州市 written in UTF-8 in a .properties file, which Spring reads as ISO-8859-1
        String garbled = new String("广州市".getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> bind(Map.of("fraudstats.catalog.city-code", "440100", "fraudstats.catalog.city-name", garbled)))
                // its control characters written as \\uXXXX, so that the line stays one line
                .rootCause().hasMessage("setting fraudstats.catalog.city-name " + garbled.replace("\u009E", "\\u009E").replace("\u0082", "\\u0082")
                        + " is UTF-8 read as ISO-8859-1, as Spring reads a .properties file (广 becomes å¹¿): write the catalogue in "
                        + "HOME/fraudstats.yml, which is read as UTF-8, or the name as \\uXXXX escapes");
        String ueruemqi = new String("Ürümqi".getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> bind(Map.of("fraudstats.catalog.english-names.440604", ueruemqi)))
                .rootCause().hasMessageStartingWith("setting fraudstats.catalog.english-names.440604 " + ueruemqi.replace("\u009C", "\\u009C")
                        + " is UTF-8 read as ISO-8859-1");
        // but a name of its own with such characters is no garbling: 间隔号, a Latin letter with its accent
        assertThat(bind(Map.of("fraudstats.catalog.districts.440604", "禅城·区", "fraudstats.catalog.english-names.440604", "Ürümqi"))
                .catalog().englishName("440604")).contains("Ürümqi");
        // Foshan's five districts under another city: its code and name given, its districts left to the default
        assertThatThrownBy(() -> bind(Map.of("fraudstats.catalog.city-code", "440100", "fraudstats.catalog.city-name", "广州市")))
                .rootCause().hasMessage("setting fraudstats.catalog.districts are Foshan's five (the default when none is given), not "
                        + "those of city 440100: give every district of 广州市");
        // rows that read alike: two fraud types of one name, a city named as one of its districts (tester, second round)
        assertThatThrownBy(() -> bind(Map.of("fraudstats.catalog.fraud-types.ORDER_BRUSHING", "刷单返利", "fraudstats.catalog.fraud-types.FAKE_LOAN", "刷单返利")))
                .rootCause().hasMessageMatching("setting fraudstats\\.catalog\\.fraud-types\\.(FAKE_LOAN|ORDER_BRUSHING) 刷单返利 is also the name of "
                        + "fraud type (ORDER_BRUSHING|FAKE_LOAN): two rows of the ranking would read alike");
        assertThatThrownBy(() -> bind(Map.of("fraudstats.catalog.city-name", "南海区")))
                .rootCause().hasMessage("setting fraudstats.catalog.districts.440605 南海区 is also the name of the city 440600: "
                        + "two rows of every table would read alike");
        assertThatThrownBy(() -> bind(Map.of("fraudstats.catalog.english-names.440699", "Nowhere District")))
                .rootCause().hasMessage("setting fraudstats.catalog.english-names.440699 names no district of fraudstats.catalog.districts nor the city");
        // a no-break space at an end, a line break inside (the headline split over two lines), said on one line
        assertThatThrownBy(() -> bind(Map.of("fraudstats.catalog.districts.440609", "\u00A0新区")))
                .rootCause().hasMessage("setting fraudstats.catalog.districts.440609 '\u00A0新区' begins or ends with a space");
        assertThatThrownBy(() -> bind(Map.of("fraudstats.catalog.districts.440609", "新\n区")))
                .rootCause().hasMessage("setting fraudstats.catalog.districts.440609 新\\u000A区 holds a control character (a line break, a tab)");
        String withNel = new String("禅城区".getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> bind(Map.of("fraudstats.catalog.districts.440604", withNel)))
                .rootCause().satisfies(e -> assertThat(e.getMessage()).contains("\\u0085").doesNotContain("\u0085"));
        assertThatThrownBy(() -> bind(Map.of("fraudstats.catalog.districts.440605", "南海区", "fraudstats.catalog.districts.440606", "南海区 ")))
                .rootCause().hasMessage("setting fraudstats.catalog.districts.440606 '南海区 ' begins or ends with a space");
    }

    @Test
    void theAccountKeyIsNeverPrinted() {
        FraudstatsSettings settings = bind(Map.of("fraudstats.account-key", "s3cret-key-of-the-centre"));
        assertThat(settings.accountKey()).isEqualTo("s3cret-key-of-the-centre");
        assertThat(settings.toString()).doesNotContain("s3cret").contains("accountKey=(set)");
    }
}
