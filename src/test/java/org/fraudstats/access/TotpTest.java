package org.fraudstats.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B's SHA-1 test vectors, cut to 6 digits (the last six of the 8-digit codes). */
class TotpTest {

    private static final String RFC_KEY = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void theRfcKeyInBase32IsWhatAppsRead() {
        assertThat(RFC_KEY).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(new String(Totp.unbase32(RFC_KEY), StandardCharsets.US_ASCII)).isEqualTo("12345678901234567890");
    }

    @Test
    void codesAreAsciiDigitsWhateverTheLocale() {
        java.util.Locale was = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("ar-SA"));
            // RFC 6238's SHA-1 vector at T = 59 s
            assertThat(Totp.code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 1L)).isEqualTo("287082");
        } finally {
            java.util.Locale.setDefault(was);
        }
    }

    @Test
    void codesAreThoseOfRfc6238() {
        assertThat(Totp.code(RFC_KEY, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(Totp.code(RFC_KEY, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(Totp.code(RFC_KEY, Instant.ofEpochSecond(1111111111))).isEqualTo("050471");
        assertThat(Totp.code(RFC_KEY, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
        assertThat(Totp.code(RFC_KEY, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
    }

    @Test
    void aCodeOfTheStepBeforeOrAfterIsAcceptedButNotTwoStepsAway() {
        Instant now = Instant.ofEpochSecond(1111111109);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(RFC_KEY, "081804", now)).isEqualTo(step);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 1), now)).isEqualTo(step - 1);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 1), now)).isEqualTo(step + 1);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 2), now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_KEY, "", now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_KEY, "08180", now)).isEqualTo(-1);
    }

    @Test
    void theUriIsGoogleAuthenticatorsKeyUriFormat() {
        assertThat(Totp.uri("zhang.wei", "JBSWY3DPEHPK3PXP")).isEqualTo(
                "otpauth://totp/fraudstats:zhang.wei?secret=JBSWY3DPEHPK3PXP&issuer=fraudstats&algorithm=SHA1&digits=6&period=30");
        assertThat(Totp.secretOf(Totp.uri("zhang.wei", "JBSWY3DPEHPK3PXP"))).isEqualTo("JBSWY3DPEHPK3PXP");
    }
}
