package org.fraudstats.bulletin.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Whether the font the bulletins ship can draw a text. The font is a subset (see
 * report-templates/fonts/build-font.sh), so a character outside it would print as a blank in an official
 * document; the renderer refuses such text instead, naming the characters to add to the subset.
 */
final class FontCheck {

    static final String REGULAR = "fonts/NotoSerifCJKsc-Regular-subset.ttf";
    static final String BOLD = "fonts/NotoSerifCJKsc-Bold-subset.ttf";

    /**
     * Loaded at first use, not when the class is: Java copies a font into the temporary folder to read it, and a
     * full folder failed the class's initialisation, which a command printed as 44 lines of stack trace (tester E).
     * A load that failed is tried again by the next call.
     */
    private static Font regularFont;
    private static Font boldFont;

    private FontCheck() {
    }

    /** The characters of {@code text} that the regular or the bold face cannot draw, each once; empty if none. */
    static String missing(String text) {
        StringBuilder missing = new StringBuilder();
        text.codePoints()
                // format characters (zero-width space, a byte-order mark pasted from a spreadsheet) draw nothing anyway:
                // refusing them stopped serve over a character nobody can see (review)
                .filter(c -> !Character.isISOControl(c) && !Character.isWhitespace(c) && Character.getType(c) != Character.FORMAT)
                .filter(c -> !regular().canDisplay(c) || !bold().canDisplay(c))
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

    private static synchronized Font regular() {
        if (regularFont == null) {
            regularFont = load(REGULAR);
        }
        return regularFont;
    }

    private static synchronized Font bold() {
        if (boldFont == null) {
            boldFont = load(BOLD);
        }
        return boldFont;
    }

    private static Font load(String resource) {
        try (InputStream in = FontCheck.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is not on the classpath");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            // without the cause, which a command would print instead of this line (Cli.userMessage: the root cause)
            throw new IllegalStateException("cannot read the bulletin font " + resource + ": " + e.getMessage()
                    + " (Java copies it into the temporary folder " + System.getProperty("java.io.tmpdir") + " first)");
        } catch (FontFormatException e) {
            throw new IllegalStateException("font " + resource + " cannot be read: " + e.getMessage(), e);
        }
    }
}
