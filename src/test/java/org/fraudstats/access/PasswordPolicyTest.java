package org.fraudstats.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void elevenCharactersAreTooShortEvenWithEveryKind() {
        assertThatThrownBy(() -> PasswordPolicy.check("Abcdefgh1!x"))
                .hasMessage("password too short: at least 12 characters and three of upper case, lower case, digit, other");
    }

    @Test
    void twoKindsAreTooWeakWhateverTheLength() {
        assertThatThrownBy(() -> PasswordPolicy.check("onlylowercaseanddigits123"))
                .hasMessage("password too weak: it needs three of upper case, lower case, digit, other (it has 2)");
        assertThatThrownBy(() -> PasswordPolicy.check("ABCDEFGHIJKLMNOP"))
                .hasMessage("password too weak: it needs three of upper case, lower case, digit, other (it has 1)");
    }

    @Test
    void twelveCharactersOfThreeKindsAreEnough() {
        assertThatCode(() -> PasswordPolicy.check("Abcdefghijk1")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("abcdefghij1!")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("统计人员的密码Ab1!xyz")).doesNotThrowAnyException();
    }

    @Test
    void moreThanSeventyTwoBytesInUtf8AreTooLongForBcrypt() {
        String tooLong = "password too long: at most 72 bytes in UTF-8 (72 ASCII characters or 24 Chinese characters)";
        assertThatCode(() -> PasswordPolicy.check("Ab1-" + "x".repeat(68))).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("Ab1-" + "x".repeat(69))).hasMessage(tooLong);
        // three bytes each: 3 + 23 * 3 = 72 is the most, one Chinese character more is over
        assertThatCode(() -> PasswordPolicy.check("Ab1" + "统".repeat(23))).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("Ab1" + "统".repeat(24))).hasMessage(tooLong);
    }

    @RepeatedTest(20)
    void aGeneratedPasswordHasTwentyCharactersOfEveryKind() {
        String password = PasswordPolicy.generate();
        assertThat(password).hasSize(20).containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[0-9]")
                .containsPattern("[^A-Za-z0-9]").doesNotContainPattern("[0O1lI]");
        assertThatCode(() -> PasswordPolicy.check(password)).doesNotThrowAnyException();
    }

    @Test
    void aPasswordHoldingTheUserNameIsRefused_andOneMadeForAUserNeverHoldsIt() {
        assertThatThrownBy(() -> PasswordPolicy.check("wang.ling", "Wang.Ling-2026!")).hasMessage("password too weak: it holds the user name");
        assertThatCode(() -> PasswordPolicy.check("wang.ling", "Wang-Ling-2026!")).doesNotThrowAnyException();
        // a name of three letters is met in about one generated password in two thousand: drawn again then
        for (int i = 0; i < 2000; i++) {
            assertThat(PasswordPolicy.generate("abc").toLowerCase()).doesNotContain("abc");
        }
    }
}
