package org.fraudstats.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

/** The QR code of the first sign-in is read back by ZXing's own reader (what scanner apps build on) to the URI. */
class QrCodeTest {

    private static final String URI = "otpauth://totp/fraudstats:li.na?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=fraudstats"
            + "&algorithm=SHA1&digits=6&period=30";

    @Test
    void theSvgReadsBackAsTheUri() throws Exception {
        String svg = QrCode.svg(URI);
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int size = Integer.parseInt(box.group(1));
        int scale = 4;
        byte[] pixels = new byte[size * scale * size * scale];
        java.util.Arrays.fill(pixels, (byte) 0xff);
        Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (module.find()) {
            int x = Integer.parseInt(module.group(1));
            int y = Integer.parseInt(module.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * size * scale + x * scale + dx] = 0;
                }
            }
        }
        LuminanceSource image = new LuminanceSource(size * scale, size * scale) {
            @Override
            public byte[] getRow(int y, byte[] row) {
                byte[] out = row == null || row.length < getWidth() ? new byte[getWidth()] : row;
                System.arraycopy(pixels, y * getWidth(), out, 0, getWidth());
                return out;
            }

            @Override
            public byte[] getMatrix() {
                return pixels;
            }
        };

        assertThat(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(image))).getText()).isEqualTo(URI);
    }
}
