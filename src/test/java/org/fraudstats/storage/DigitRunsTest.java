package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Account numbers as people type them, masked to their last four; built by concatenation so no test prints one. */
class DigitRunsTest {

    static final String CARD = "6222" + "0212" + "3456" + "7890";

    /** The same number in full-width digits (U+FF10…), as a Chinese input method types it. */
    static String fullWidth(String digits) {
        StringBuilder wide = new StringBuilder();
        digits.chars().forEach(c -> wide.append(Character.isDigit(c) ? (char) ('\uFF10' + (c - '0')) : (char) c));
        return wide.toString();
    }

    @Test
    void aRunOfTwelveOrMoreDigitsKeepsItsLastFourWhateverItsSeparatorsOrDigits() {
        assertThat(DigitRuns.mask(CARD)).isEqualTo("************7890");
        assertThat(DigitRuns.mask("6222" + "-0212" + "-3456" + "-7890")).isEqualTo("****-****-****-7890");
        assertThat(DigitRuns.mask("6222" + " 0212" + " 3456" + " 7890")).isEqualTo("**** **** **** 7890");
        assertThat(DigitRuns.mask(fullWidth(CARD))).isEqualTo("************" + fullWidth("7890"));
        assertThat(DigitRuns.mask("GET /api/v1/bulletins/" + CARD + "123/daily.pdf"))
                .isEqualTo("GET /api/v1/bulletins/***************0123/daily.pdf");
    }

    @Test
    void datesAndShorterNumbersStayAsTheyAre() {
        for (String value : List.of("2022-10-24", "2022-10-01..2022-10-24", "job execution 12345",
                "12345678901", "", "web.leader")) {
            assertThat(DigitRuns.mask(value)).isEqualTo(value);
        }
        assertThat(DigitRuns.mask(null)).isNull();
    }

    @Test
    void groupsJoinedByDotsSlashesUnderscoresOrWideSpacesAreOneNumber_butTwoDatesAreNot() {
        assertThat(DigitRuns.mask("工行 6222" + ".0212" + ".3456" + ".7890")).isEqualTo("工行 ****.****.****.7890");
        assertThat(DigitRuns.mask("6222" + "/0212" + "/3456" + "/7890")).isEqualTo("****/****/****/7890");
        assertThat(DigitRuns.mask("6222" + "  0212" + "\u00A03456" + "\u30007890")).isEqualTo("****  ****\u00A0****\u30007890");
        assertThat(DigitRuns.mask("6222" + " - 0212" + " - 3456" + " - 7890")).isEqualTo("**** - **** - **** - 7890");
        // what people write that is no account: a period of two dates, an amount, a phone number however grouped
        for (String value : List.of("2022-10-01..2022-10-24", "GET /bulletins/2022-10-17_2022-10-23/weekly.pdf", "2022-10-01/2022-10-24", "9999999999.99", "电话 138-0013-8000",
                "2022/10/23 23:40:00", "2022.10.23 23:40")) {
            assertThat(DigitRuns.mask(value)).isEqualTo(value);
        }
        // two listed are twenty-two digits in groups, which nothing tells from a card's (on the safe side, as written whole)
        assertThat(DigitRuns.mask("电话 138-0013-8000，138.0013.8000")).isEqualTo("电话 ***-****-****，***.****.8000");
    }

    @Test
    void groupsOfFourJoinedByMarksThatListThingsAreOneNumber_otherNumbersSoJoinedAreNot() {
        assertThat(DigitRuns.mask("卡号6222" + "、0200" + "、1234" + "、5678")).isEqualTo("卡号****、****、****、5678");
        assertThat(DigitRuns.mask("卡号6222" + "，0200" + "，1234" + "，5678")).isEqualTo("卡号****，****，****，5678");
        assertThat(DigitRuns.mask("6222" + ":0200" + ":1234" + ":5678")).isEqualTo("****:****:****:5678");
        assertThat(DigitRuns.mask("6222" + "|0200" + "|1234" + "|5678")).isEqualTo("****|****|****|5678");
        assertThat(DigitRuns.mask("招行 6222" + ",0200" + ",1234" + ",5678")).isEqualTo("招行 ****,****,****,5678");
        assertThat(DigitRuns.mask("6222" + ", 0200" + ", 1234" + ", 5678" + ", 901")).isEqualTo("****, ****, ****, ***8, 901");
        assertThat(DigitRuns.mask("6222" + "；0200" + "-1234" + "：5678")).isEqualTo("****；****-****：5678");
        // followed by a mark and a longer number, it is still one
        // on the safe side, a longer number after the four groups loses its digits too (a year before a 4-4-4-7 number
        // cannot be told from an amount after a 4-4-4-4 one)
        assertThat(DigitRuns.mask("6222" + "，0200" + "，1234" + "，5678" + "，20000元")).isEqualTo("****，****，****，****，*0000元");
        assertThat(DigitRuns.mask("卡号6222" + ",0200" + ",1234" + ",5678" + ",90123")).isEqualTo("卡号****,****,****,****,*0123");
        assertThat(DigitRuns.mask("6222" + ";0200" + ";1234" + ";5678" + ";20221023")).isEqualTo("****;****;****;5678;20221023");
        for (String value : List.of("440604,440605,440606", "2022-10-23 23:40:00", "10:00:00,11:00:00,12:00:00",
                "1,234,567,890,123.45", "2022,2023,2024", "20221001,20221002", "138,0013,8000")) {
            assertThat(DigitRuns.mask(value)).isEqualTo(value);
        }
    }

    @Test
    void groupsOfFourOrLongPartsJoinedByAnyFewMarksAreOneNumber_twoCompactDatesAreNot() {
        // as a tester typed them into a reject's fields, a failed sign-in's user name and a request's path
        assertThat(DigitRuns.mask("6222" + "--6514" + "--3642" + "--3492")).isEqualTo("****--****--****--3492");
        assertThat(DigitRuns.mask("6222" + "~6514" + "~3642" + "~3492")).isEqualTo("****~****~****~3492");
        assertThat(DigitRuns.mask("6222" + "*6514" + "*3642" + "*3492")).isEqualTo("*".repeat(15) + "3492");
        assertThat(DigitRuns.mask("6222" + " 6514\t\t\t\t3642" + " 3492")).isEqualTo("**** ****\t\t\t\t**** 3492");
        assertThat(DigitRuns.mask("62226514" + "。36423492")).isEqualTo("********。****3492");
        assertThat(DigitRuns.mask("62226514" + " | 36423492")).isEqualTo("******** | ****3492");
        assertThat(DigitRuns.mask("62226514" + ",3642349200")).isEqualTo("********,******9200");
        // a date after the number does not keep it from being one (the review of this change)
        assertThat(DigitRuns.mask("62226514" + "。36423492" + "。20221001")).isEqualTo("********。****3492。20221001");
        for (String value : List.of("20221001,20221002", "20221001 | 20221024", "440604,440605,440606", "1234567.89, 2345678.90",
                "12345678,1234567")) {
            assertThat(DigitRuns.mask(value)).isEqualTo(value);
        }
    }

    @Test
    void groupsOfFourWithALongerFirstOrLastAreOneNumber_aListOfDistrictCodesIsNot() {
        // a station whose quotes were doubled in its CSV field, and a number grouped 7-4-4-4 (leak tester)
        assertThat(DigitRuns.mask("三水\"6222\"0212\"3457\"" + "0015666\"所")).isEqualTo("三水\"****\"****\"****\"***5666\"所");
        assertThat(DigitRuns.mask("6222021,2345" + ",7050,8111")).isEqualTo("*******,****,****,8111");
        assertThat(DigitRuns.mask("62220212 3457" + " 0015666")).isEqualTo("******** **** ***5666");
        // the review: a number before it does not hide it (it is masked with it, a group like the others), and one after
        // it does not either
        assertThat(DigitRuns.mask("1234,6222021," + "2345,7050,8111")).isEqualTo("****,*******,****,****,8111");
        assertThat(DigitRuns.mask("2024\"6222\"0212\"3457\"" + "0015666\"")).isEqualTo("****\"****\"****\"****\"***5666\"");
        assertThat(DigitRuns.mask("6222021,2345," + "7050,8111,1234")).isEqualTo("*******,****,****,****,1234");
        // a period's end and an area, as the audit log names a headline read; a rerun's clock id stays a long run
        assertThat(DigitRuns.mask("2022-10-01..2022-10-24 440600 cases")).isEqualTo("2022-10-01..2022-10-24 440600 cases");
        // a phone number or a count before a date: the date's year and month are no groups of a number
        for (String value : List.of("13800138000 2026-12-04", "1764900000 2026-12-04", "caller 13800138000, 2022-10-24",
                "job 1764900000 of 2026-12-04T03:12:11")) {
            assertThat(DigitRuns.mask(value)).isEqualTo(value);
        }
        // twelve digits or more beside a date are masked with it, whatever date-shaped piece is among them (review)
        assertThat(DigitRuns.mask("6222 0200 1234 " + "5678 2026-12-04")).isEqualTo("**** **** **** **** ****-12-04");
        assertThat(DigitRuns.mask("6222 0200 2022-10-23 " + "1234")).isEqualTo("**** **** ****-**-** 1234");
        assertThat(DigitRuns.mask("6222-0200-2022-10-23-" + "1234")).isEqualTo("****-****-****-**-**-1234");
        assertThat(DigitRuns.mask("acct 622202 2022-10-23 " + "001234")).isEqualTo("acct ****** ****-**-** **1234");
        for (String number : List.of("6222\u30000200\u30002022-10-23\u3000" + "1234", "6222.0200.2022-10-23." + "1234",
                "62226514-2022-10-23-" + "36423492", "6222 2022-10-23 1234 " + "5678", "6222-0200-1234-" + "2022-10-23")) {
            assertThat(DigitRuns.mask(number)).as(number).doesNotContain("0200").doesNotContain("6514").doesNotContain("1234 ")
                    .doesNotContain("6222");
        }
        // digits cut by dashes at a date's places inside a longer number are no date
        assertThat(DigitRuns.mask("62222022-10-" + "121234567")).isEqualTo("********-**-*****4567");
        for (String value : List.of("440604,440605,440606,440607", "20221001,2022,20221024", "12345678,1234567", "6222,0200,1234",
                "2022-10-17_2022-10-23", "2022-10-01/2022-10-24")) {
            assertThat(DigitRuns.mask(value)).isEqualTo(value);
        }
    }

    @Test
    void groupsOfAnyLengthFromThreeOnJoinedByUpToEightMarksAreOneNumber_districtCodesListedAreNot() {
        // as the leak tester r35c typed them into rejected rows, a header, a sign-in name and a request (all shown whole)
        assertThat(DigitRuns.mask("62220" + "--21234--56789--0123")).isEqualTo("*****--*****--*****--0123");
        assertThat(DigitRuns.mask("6222021" + "+234567+891234")).isEqualTo("*******+******+**1234");
        assertThat(DigitRuns.mask("622+202+123" + "+456+789+0123")).isEqualTo("***+***+***+***+***+0123");
        assertThat(DigitRuns.mask("卡号622202\u200B" + "123456\u200B7890123")).isEqualTo("卡号******\u200B******\u200B***0123");
        assertThat(DigitRuns.mask("622202\u00AD" + "123456\u00AD7890123")).isEqualTo("******\u00AD******\u00AD***0123");
        assertThat(DigitRuns.mask("6222 0212" + "      3456 7890 123")).isEqualTo("**** ****      **** ***0 123");
        // a number already caught is caught the same
        assertThat(DigitRuns.mask("62226514" + " | 36423492")).isEqualTo("******** | ****3492");
        for (String value : List.of("440604,440605,440606,440607,440608,440600", "440604、440605、440606、440607", "1,234,567,890,123.45",
                "10:00:00,11:00:00,12:00:00", "12000.00, 35000.00, 9800.00, 41527.24", "2022,2023,2024", "20221001,20221002,20221003")) {
            assertThat(DigitRuns.mask(value)).isEqualTo(value);
        }
    }

    @Test
    void digitsAsReadOutOnTheRadioAndLettersTypedForDigitsAreDigits() {
        // 幺 1, 两 2, 拐 7, 勾 9, 洞 0: how a duty officer writes down a number read aloud (r35c)
        assertThat(DigitRuns.mask("卡号六两两两洞两幺两三四五六拐八勾" + "洞幺两三")).isEqualTo("卡号***************洞幺两三");
        // Suzhou numerals
        assertThat(DigitRuns.mask("〦〢〢〢〇〢〡〢〣〤〥〦" + "〧〨〩〇")).isEqualTo("************〧〨〩〇");
        // a letter O or l for 0 or 1 does not cut it into pieces too short to be masked, and is masked as the digit it is
        assertThat(DigitRuns.mask("62220212345" + "O7890123")).isEqualTo("***************0123");
        assertThat(DigitRuns.mask("622202123" + "l567890123")).isEqualTo("***************0123");
        for (String value : List.of("两个人", "幺洞幺", "O2O", "Room 12O", "第Ⅲ期")) {
            assertThat(DigitRuns.mask(value)).isEqualTo(value);
        }
    }

    @Test
    void whatTheReviewOfTheNewRuleGotRoundIsCaughtToo() {
        // review r35e: a letter O at a group's edge, or two; more than eight spaces or invisible joiners; a Hangul filler
        // or a Cyrillic О between groups; keycap or struck-through digits; a card ending in short groups listed alike
        for (String card : List.of("6222 0212 345O 7890", "6222，0212，3456，789O", "6222 O212 3456 7890", "6222 0212 345OO890",
                "6222" + " ".repeat(9) + "0212" + " ".repeat(9) + "3456" + " ".repeat(9) + "7890",
                "6222" + "\u200B".repeat(9) + "0212" + "\u200B".repeat(9) + "3456" + "\u200B".repeat(9) + "7890",
                "6222" + "\u00AD".repeat(9) + "0212" + "\u00AD".repeat(9) + "3456" + "\u00AD".repeat(9) + "7890",
                "6222\u31640212\u31643456\u31647890", "6222,0212,345\u041E,7890",
                "6\uFE0F\u20E32\uFE0F\u20E32\uFE0F\u20E32\uFE0F\u20E30\uFE0F\u20E32\uFE0F\u20E31\uFE0F\u20E32\uFE0F\u20E3"
                        + "3\uFE0F\u20E34\uFE0F\u20E35\uFE0F\u20E36\uFE0F\u20E37\uFE0F\u20E38\uFE0F\u20E39\uFE0F\u20E30\uFE0F\u20E3",
                "6\u03362\u03362\u03362\u03360\u03362\u03361\u03362\u03363\u03364\u03365\u03366\u03367\u03368\u03369\u03360\u0336",
                "6222，0212，3456，78，90", "62,22,02,12,34,56,78,90,12", "6,2,2,2,0,2,1,2,3,4,5,6,7,8,9,0",
                "6222-2022-10-23-1234567", "6222 2022-10-23 1234567")) {
            String masked = DigitRuns.mask(card);
            assertThat(masked.replaceAll("[^0-9OО]", "")).as(card).hasSizeLessThanOrEqualTo(4);
        }
        // what must still show: amounts with cents listed, times listed, a client's address, a date and an area
        for (String value : List.of("1234567.89, 2345678.90", "10:00:00,11:00:00,12:00:00", "192.168.100.200", "10.20.1.7, 192.168.100.201",
                "2022-10-01..2022-10-24 440600", "2022-10-01 2022-10-24", "days rendered: 31; bulletins published: 3; data not arrived: 2022-10-03 and 4 more days",
                "Room 12O", "HELLO 2022")) {
            assertThat(DigitRuns.mask(value)).isEqualTo(value);
        }
    }

    @Test
    void aLongValueIsCutAfterALetterThatIsNoDigit() {
        // a spoken-digit card or one with an O across the 1024th character: cut inside it, each piece showed (r35e)
        String spoken = "x".repeat(1015) + "卡号六两两两洞两幺两三四五六拐八勾洞 end";
        assertThat(DigitRuns.mask(spoken)).doesNotContain("六两两两").endsWith("…");
        String withO = "y".repeat(1008) + " 62220212345O7890123 end";
        assertThat(DigitRuns.mask(withO)).doesNotContain("62220212345").endsWith("…");
        assertThat(MaskedLog.maskLines(spoken)).doesNotContain("六两两两洞两幺两");
        assertThat(MaskedLog.maskLines(withO)).doesNotContain("62220212345").contains("0123 end");
    }

    @Test
    void aCaseSystemIdShowsWhole_aLetterBeforeACardNumberStartingWithADateDoesNot() {
        assertThat(DigitRuns.maskId("FS2022102300123")).isEqualTo("FS2022102300123");
        assertThat(DigitRuns.maskId("FS20221023001234")).isEqualTo("FS20221023001234");
        assertThat(DigitRuns.maskId("X20221023" + "12345678")).isEqualTo("X************5678");
    }

    @Test
    void aNumberInSuperscriptOrCircledDigitsIsOne() {
        assertThat(DigitRuns.mask("⁶²²²⁰²¹²³⁴⁵⁶⁷⁸⁹⁰¹²³")).isEqualTo("***************¹²³".substring(0, 15) + "⁰¹²³");
        assertThat(DigitRuns.mask("卡号⑥②②②⓪②①②③④⑤⑥⑦⑧⑨")).isEqualTo("卡号***********⑥⑦⑧⑨");
        assertThat(DigitRuns.mask("①号楼②单元")).isEqualTo("①号楼②单元");
    }

    @Test
    void aNumberWrittenInChineseNumeralsIsOne_amountsAndDatesInWordsAreNot() {
        assertThat(DigitRuns.mask("卡号六二二二" + "六五一四" + "三六四二" + "三四九二")).isEqualTo("卡号************三四九二");
        assertThat(DigitRuns.mask("陆贰贰贰 " + "〇贰〇〇 " + "壹贰叁肆 " + "伍陆柒捌")).isEqualTo("**** **** **** 伍陆柒捌");
        assertThat(DigitRuns.mask("六二二二" + "-〇二〇〇" + "-一二三四" + "-五六七八" + "九")).isEqualTo("****-****-****-*六七八九");
        // as the rules for digits find them (the review of this change): groups listed with 、 or ，, mixed with digits,
        // traditional numerals
        assertThat(DigitRuns.mask("六二二二，六五一四，三六四二，三四九二")).isEqualTo("****，****，****，三四九二");
        assertThat(DigitRuns.mask("62226514" + "三六四二三四九二")).isEqualTo("************三四九二");
        assertThat(DigitRuns.mask("陸貳貳貳參陸肆貳參肆玖貳")).isEqualTo("********參肆玖貳");
        for (String value : List.of("二〇二二年十月一日", "一万二千三百四十五元", "一二三四五六七八九〇一", "电话一三八〇〇一三八〇〇〇",
                "二〇二二一〇〇一，二〇二二一〇〇二")) {
            assertThat(DigitRuns.mask(value)).isEqualTo(value);
        }
    }

    @Test
    void groupsJoinedByLineBreaksOrOtherControlCharactersAreOneNumber() {
        // a user name typed with line breaks: the audit trail writes them as spaces afterwards
        assertThat(DigitRuns.mask("6222" + "\n0212" + "\n3456" + "\n7890")).isEqualTo("****\n****\n****\n7890");
        assertThat(DigitRuns.mask("6222" + "\r\n0212" + "\u00003456" + "\t7890")).isEqualTo("****\r\n****\u0000****\t7890");
    }

    @Test
    void aValueOfAnyLengthIsMasked_cutAtItsLastLetterBefore1024Characters() {
        // the pattern recurses once per digit: ~1,800 digits in a row overflowed the stack of a request's thread
        String digits = "1 ".repeat(3000);
        assertThat(DigitRuns.mask(digits)).isEqualTo("…");
        String path = "GET /api/v1/" + "9".repeat(5000);
        assertThat(DigitRuns.mask(path)).isEqualTo("GET /api/v…");
        String longName = "x".repeat(1000) + CARD + CARD;
        assertThat(DigitRuns.mask(longName)).isEqualTo("x".repeat(1000) + "…");
        assertThat(DigitRuns.mask("a" + CARD + "b".repeat(1100))).startsWith("a************7890b").endsWith("b…").hasSize(1025);
        // Chinese numerals are letters to Java, but never where a long value is cut
        assertThat(DigitRuns.mask("x".repeat(1013) + "六二二二六五一四三六四二三四九二")).isEqualTo("x".repeat(1013) + "…");
    }
}
