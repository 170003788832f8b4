package org.fraudstats.bulletin.pdf;

import java.awt.Font;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontFamily;
import net.sf.jasperreports.engine.fonts.FontInfo;
import net.sf.jasperreports.engine.fonts.FontUtil;

/**
 * Whether the font the bulletins ship can draw a text. The font is a subset (see
 * report-templates/fonts/build-font.sh), so a character outside it would print as a blank in an official
 * document; the renderer refuses such text instead, naming the characters to add to the subset. The faces are
 * those JasperReports loaded from its font extension (fonts/fonts.xml), the ones the bulletins are drawn with:
 * loading them a second time here copied both into the temporary folder again, and a full folder then failed in
 * two ways (tester E, review).
 */
final class FontCheck {

    /** The family of fonts/fonts.xml, which the templates name. */
    static final String FAMILY = "Noto Serif CJK SC";
    static final String REGULAR = "fonts/NotoSerifCJKsc-Regular-subset.ttf";
    static final String BOLD = "fonts/NotoSerifCJKsc-Bold-subset.ttf";

    private FontCheck() {
    }

    /**
     * The family as JasperReports loaded it, which copies each face into the temporary folder first. When that copy
     * failed (a full folder), JasperReports logged the error, dropped the family and filled with a system font of
     * that name, and the PDF was exported in Helvetica without a Chinese character, its figures run together:
     * published, recorded and mailed, exit 0 (tester E). It drops the family for the life of the process, hence the
     * restart.
     */
    static FontFamily family(String name) {
        FontInfo info = FontUtil.getInstance(DefaultJasperReportsContext.getInstance()).getFontInfo(name, null);
        if (info == null || info.getFontFamily().getNormalFace() == null || info.getFontFamily().getBoldFace() == null
                || info.getFontFamily().getNormalFace().getFont() == null || info.getFontFamily().getBoldFace().getFont() == null) {
            throw new IllegalStateException("the bulletin font " + name + " could not be loaded (the log says why; "
                    + "most often no room in the temporary folder " + System.getProperty("java.io.tmpdir")
                    + ", where Java copies fonts): nothing was rendered; make room, then run again (restart serve)");
        }
        return info.getFontFamily();
    }

    /** The characters of {@code text} that the regular or the bold face cannot draw, each once; empty if none. */
    static String missing(String text) {
        FontFamily faces = family(FAMILY);
        Font regular = faces.getNormalFace().getFont();
        Font bold = faces.getBoldFace().getFont();
        StringBuilder missing = new StringBuilder();
        text.codePoints()
                // format characters (zero-width space, a byte-order mark pasted from a spreadsheet) draw nothing anyway:
                // refusing them stopped serve over a character nobody can see (review)
                .filter(c -> !Character.isISOControl(c) && !Character.isWhitespace(c) && Character.getType(c) != Character.FORMAT)
                .filter(c -> !regular.canDisplay(c) || !bold.canDisplay(c))
                .distinct()
                .forEach(missing::appendCodePoint);
        return missing.toString();
    }

    static void requireDrawable(String what, String text) {
        String missing = missing(text);
        if (!missing.isEmpty()) {
            // each with its code point: a character a terminal or a mail cannot show is still named
            String named = missing.codePoints().mapToObj(c -> new String(Character.toChars(c)) + " U+" + String.format("%04X", c))
                    .collect(java.util.stream.Collectors.joining(", "));
            throw new IllegalArgumentException(what + " has characters the bulletin font cannot draw: " + named
                    + " (add them to report-templates/fonts/extra-text.txt and run build-font.sh)");
        }
    }
}
