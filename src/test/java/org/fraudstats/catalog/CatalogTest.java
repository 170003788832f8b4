package org.fraudstats.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class CatalogTest {

    /** Names pasted with invisible format characters keep what they show, and lose what a PDF/A cannot point to. */
    @Test
    void invisibleFormatCharactersLeaveTheNames() {
        Catalog catalog = new Catalog(null, "佛山市\u200B", Map.of("440604", "禅\uFEFF城区"), Map.of("OTHER", "其他\u200B", "FAKE_INVEST", "虚假 投资"), null);
        assertThat(catalog.cityName()).isEqualTo("佛山市");
        assertThat(catalog.areaName("440604")).contains("禅城区");
        assertThat(catalog.fraudTypeName("OTHER")).isEqualTo("其他");
        // what shows stays, spaces included
        assertThat(catalog.fraudTypeName("FAKE_INVEST")).isEqualTo("虚假 投资");
    }
}
