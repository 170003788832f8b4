package org.fraudstats.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deployment's catalogues (feeds.md, "Catalogues"): districts and fraud types with their Chinese names.
 * Codes are case-sensitive and taken as written. Districts keep the configured order, which is ascending code
 * for the defaults, and that order is the row order of every table. Bound as {@code fraudstats.catalog.*} with
 * the other settings ({@code org.fraudstats.settings}); this record is the only place district and fraud type
 * names are written.
 *
 * @param englishNames the English name of a district, by code, for the English headline; a district without one
 *                     is called "district CODE" there
 */
public record Catalog(String cityCode, String cityName, Map<String, String> districts, Map<String, String> fraudTypes,
                      Map<String, String> englishNames) {

    public static final String CITY = "440600";

    public Catalog {
        cityCode = cityCode == null ? CITY : cityCode;
        cityName = cityName == null ? "佛山市" : visible(cityName);
        districts = districts == null || districts.isEmpty() ? foshanDistricts() : sortedByCode(visibleNames(districts));
        fraudTypes = fraudTypes == null || fraudTypes.isEmpty() ? defaultFraudTypes() : Collections.unmodifiableMap(visibleNames(fraudTypes));
        // the Foshan English names only go with the Foshan districts: a deployment renaming a district never mislabels it
        englishNames = englishNames != null && !englishNames.isEmpty() ? Map.copyOf(englishNames)
                : districts.equals(foshanDistricts()) ? foshanEnglishNames() : Map.of();
    }

    /** The defaults of feeds.md, for tests and tools that run without Spring. */
    public static Catalog foshan() {
        return new Catalog(null, null, null, null, null);
    }

    public List<String> districtCodes() {
        return List.copyOf(districts.keySet());
    }

    public boolean isDistrict(String code) {
        return districts.containsKey(code);
    }

    public boolean isArea(String code) {
        return cityCode.equals(code) || districts.containsKey(code);
    }

    /**
     * The centre that publishes, as the bulletin's masthead prints it and the portal's masthead and footer show it
     * (they said 反电信网络诈骗中心 beside a PDF saying 反诈骗中心): 佛山市反诈骗中心.
     */
    public String centreName() {
        return cityName + "反诈骗中心";
    }

    /** 南海区 for a district, 佛山市 for the city. */
    public Optional<String> areaName(String code) {
        if (cityCode.equals(code)) {
            return Optional.of(cityName);
        }
        return Optional.ofNullable(districts.get(code));
    }

    /** "Nanhai District" for a district with an English name in the catalogue. */
    public Optional<String> englishName(String code) {
        return Optional.ofNullable(englishNames.get(code));
    }

    public boolean isFraudType(String code) {
        return fraudTypes.containsKey(code);
    }

    public String fraudTypeName(String code) {
        return fraudTypes.getOrDefault(code, code);
    }

    /**
     * A name without its invisible format characters (a zero-width space, a byte-order mark, pasted from a
     * spreadsheet with it): they print nothing, and a PDF/A may not point to the font's empty glyph for them.
     */
    private static String visible(String name) {
        StringBuilder kept = new StringBuilder();
        name.codePoints().filter(c -> Character.getType(c) != Character.FORMAT).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static LinkedHashMap<String, String> visibleNames(Map<String, String> names) {
        LinkedHashMap<String, String> kept = new LinkedHashMap<>();
        names.forEach((code, name) -> kept.put(code, name == null ? null : visible(name)));
        return kept;
    }

    private static Map<String, String> sortedByCode(Map<String, String> districts) {
        Map<String, String> sorted = new LinkedHashMap<>();
        districts.keySet().stream().sorted().forEach(code -> sorted.put(code, districts.get(code)));
        return Collections.unmodifiableMap(sorted);
    }

    private static Map<String, String> foshanDistricts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("440604", "禅城区");
        m.put("440605", "南海区");
        m.put("440606", "顺德区");
        m.put("440607", "三水区");
        m.put("440608", "高明区");
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, String> foshanEnglishNames() {
        return Map.of("440604", "Chancheng District", "440605", "Nanhai District", "440606", "Shunde District",
                "440607", "Sanshui District", "440608", "Gaoming District");
    }

    private static Map<String, String> defaultFraudTypes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ORDER_BRUSHING", "刷单返利");
        m.put("FAKE_INVESTMENT", "虚假投资理财");
        m.put("FAKE_LOAN", "虚假网络贷款");
        m.put("FAKE_CUSTOMER_SERVICE", "冒充电商物流客服");
        m.put("IMPERSONATE_AUTHORITY", "冒充公检法");
        m.put("FAKE_CREDIT", "虚假征信");
        m.put("FAKE_SHOPPING", "虚假购物服务");
        m.put("IMPERSONATE_ACQUAINTANCE", "冒充领导熟人");
        m.put("GAME_TRADE", "网络游戏虚假交易");
        m.put("ROMANCE", "网络婚恋交友");
        m.put("OTHER", "其他");
        return Collections.unmodifiableMap(m);
    }
}
