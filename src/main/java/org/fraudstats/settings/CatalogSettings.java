package org.fraudstats.settings;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.fraudstats.catalog.Catalog;

/**
 * The catalogue's settings checked before anything runs: a code or name that would print wrong in every bulletin stops
 * the command with one line naming the key. Each of these was accepted, exit 0, and published (tester): a district
 * coded 4406 or ABCDEF, a district without a name (a nameless row), two districts both called 南海区, a fraud type
 * coded in lower case, a city without a name (the masthead read 反诈骗中心), another city's code under Foshan's name or
 * over Foshan's districts, and names read from a UTF-8 application.properties as ISO-8859-1 (广州市 became å¹¿å·å¸ in
 * a published bulletin, which no later render republished: a name is no figure).
 */
final class CatalogSettings {

    /** GB/T 2260 administrative division codes: six digits, a city's and its districts' alike. */
    private static final Pattern AREA_CODE = Pattern.compile("[0-9]{6}");
    /** As feeds.md writes them: ORDER_BRUSHING, FAKE_INVESTMENT. */
    private static final Pattern FRAUD_TYPE_CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private CatalogSettings() {
    }

    static void check(Catalog catalog) {
        if (!AREA_CODE.matcher(catalog.cityCode()).matches()) {
            throw new InvalidSetting("fraudstats.catalog.city-code", catalog.cityCode() + " is not a code of six digits (GB/T 2260, as 440600)");
        }
        name("fraudstats.catalog.city-name", catalog.cityName());
        // a deployment that set its city's code and not its name published another city's bulletins as 佛山市's
        if (!Catalog.CITY.equals(catalog.cityCode()) && Catalog.foshan().cityName().equals(catalog.cityName())) {
            throw new InvalidSetting("fraudstats.catalog.city-name", "is not set, and the default " + catalog.cityName()
                    + " is not the name of city " + catalog.cityCode() + ": set fraudstats.catalog.city-name too");
        }
        // nor Foshan's five districts under another city (the districts left to their default, or copied)
        if (!Catalog.CITY.equals(catalog.cityCode()) && Catalog.foshan().districts().equals(catalog.districts())) {
            throw new InvalidSetting("fraudstats.catalog.districts", "are Foshan's five (the default when none is given), not "
                    + "those of city " + catalog.cityCode() + ": give every district of " + catalog.cityName());
        }
        Map<String, String> named = new HashMap<>();
        // a city named as a district: every revision line "南海区 电诈警情 …" could be either
        named.put(catalog.cityName(), catalog.cityCode());
        for (Map.Entry<String, String> district : catalog.districts().entrySet()) {
            String key = "fraudstats.catalog.districts." + district.getKey();
            if (!AREA_CODE.matcher(district.getKey()).matches()) {
                throw new InvalidSetting(key, "names a district code that is not six digits (GB/T 2260, as 440605)");
            }
            name(key, district.getValue());
            String other = named.putIfAbsent(district.getValue(), district.getKey());
            if (other != null) {
                throw new InvalidSetting(key, district.getValue() + " is also the name of " + (other.equals(catalog.cityCode()) ? "the city " : "district ")
                        + other + ": two rows of every table would read alike");
            }
        }
        Map<String, String> typesNamed = new HashMap<>();
        for (Map.Entry<String, String> type : catalog.fraudTypes().entrySet()) {
            String key = "fraudstats.catalog.fraud-types." + type.getKey();
            if (!FRAUD_TYPE_CODE.matcher(type.getKey()).matches()) {
                throw new InvalidSetting(key, "names a fraud type code that is not in capital letters, digits and _ (as FAKE_LOAN), "
                        + "which the feeds' fraud_type would have to match exactly");
            }
            name(key, type.getValue());
            // two fraud types of one name: the ranking printed two 刷单返利 rows, and a revision's "刷单返利 36 → 37" either
            String other = typesNamed.putIfAbsent(type.getValue(), type.getKey());
            if (other != null) {
                throw new InvalidSetting(key, type.getValue() + " is also the name of fraud type " + other
                        + ": two rows of the ranking would read alike");
            }
        }
        for (Map.Entry<String, String> english : catalog.englishNames().entrySet()) {
            String key = "fraudstats.catalog.english-names." + english.getKey();
            if (!catalog.isArea(english.getKey())) {
                throw new InvalidSetting(key, "names no district of fraudstats.catalog.districts nor the city");
            }
            name(key, english.getValue());
        }
    }

    private static void name(String key, String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidSetting(key, "is empty: give the name as bulletins print it");
        }
        // a space at either end printed in every table, and 南海区 and "南海区 " were two districts of one name; a no-break
        // space is one too
        if (Character.isWhitespace(name.codePointAt(0)) || Character.isSpaceChar(name.codePointAt(0))
                || Character.isWhitespace(name.codePointBefore(name.length())) || Character.isSpaceChar(name.codePointBefore(name.length()))) {
            throw new InvalidSetting(key, "'" + printable(name) + "' begins or ends with a space");
        }
        if (readAsLatin1(name)) {
            throw new InvalidSetting(key, printable(name) + " is UTF-8 read as ISO-8859-1, as Spring reads a .properties file (广 becomes å¹¿): "
                    + "write the catalogue in HOME/fraudstats.yml, which is read as UTF-8, or the name as \\uXXXX escapes");
        }
        // a line break split the headline's sentence over two lines
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidSetting(key, printable(name) + " holds a control character (a line break, a tab)");
        }
    }

    /** A value as one line: control characters (U+0085 is a line break to some readers) as \\uXXXX. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /**
     * Whether a name is UTF-8 bytes each read as one ISO-8859-1 character: every character below U+0100, one at least
     * above U+007F, and their bytes valid UTF-8. A name of 间隔号 (禅城·区) or Ürümqi written as such is none.
     */
    static boolean readAsLatin1(String name) {
        if (name.chars().anyMatch(c -> c > 0xFF) || name.chars().noneMatch(c -> c > 0x7F)) {
            return false;
        }
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(name.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
