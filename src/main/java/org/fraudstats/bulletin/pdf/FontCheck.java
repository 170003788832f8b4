package org.fraudstats.bulletin.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Whether the font the bulletins ship can draw a text. The font is a subset (see
 * report-templates/fonts/build-font.sh), so a character outside it would print as a blank in an official
 * document; the renderer refuses such text instead, naming the characters to add to the subset.
 */
final class FontCheck {

    static final String REGULAR = "fonts/NotoSerifCJKsc-Regular-subset.ttf";
    static final String BOLD = "fonts/NotoSerifCJKsc-Bold-subset.ttf";

    private static final Font REGULAR_FONT = load(REGULAR);
    private static final Font BOLD_FONT = load(BOLD);

    private FontCheck() {
    }

    /** The characters of {@code text} that the regular or the bold face cannot draw, each once; empty if none. */
    static String missing(String text) {
        StringBuilder missing = new StringBuilder();
        text.codePoints()
                // format characters (zero-width space, a byte-order mark pasted from a spreadsheet) draw nothing anyway:
                // refusing them stopped serve over a character nobody can see (review)
                .filter(c -> !Character.isISOControl(c) && !Character.isWhitespace(c) && Character.getType(c) != Character.FORMAT)
                .filter(c -> !REGULAR_FONT.canDisplay(c) || !BOLD_FONT.canDisplay(c))
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

    private static Font load(String resource) {
        try (InputStream in = FontCheck.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is not on the classpath");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("font " + resource + " cannot be read: " + e.getMessage(), e);
        }
    }
}
