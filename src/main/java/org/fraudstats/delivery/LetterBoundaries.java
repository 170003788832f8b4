package org.fraudstats.delivery;

import java.io.IOException;
import java.security.SecureRandom;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;

/**
 * A mail's MIME boundaries made of letters. JavaMail's own are {@code ----=_Part_12_1746605212.1796596486951}: the send
 * time in milliseconds, thirteen digits, in the Content-Type header and on every boundary line of every bulletin mail,
 * which a gateway scanning for card-number-shaped runs flags (tester r35a), as the project shortened history's checksum
 * for. Each multipart is rebuilt, its parts moved, under a boundary of random letters.
 */
final class LetterBoundaries {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LetterBoundaries() {
    }

    static void apply(Part part) throws MessagingException {
        Object content;
        try {
            content = part.getContent();
        } catch (IOException e) {
            throw new MessagingException("mail content not readable", e);
        }
        if (!(content instanceof MimeMultipart old)) {
            return;
        }
        Lettered lettered = new Lettered(new ContentType(old.getContentType()).getSubType());
        while (old.getCount() > 0) {
            BodyPart moved = old.getBodyPart(0);
            old.removeBodyPart(0);
            apply(moved);
            lettered.addBodyPart(moved);
        }
        part.setContent(lettered);
    }

    private static final class Lettered extends MimeMultipart {

        Lettered(String subtype) throws MessagingException {
            super(subtype);
            ContentType type = new ContentType(contentType);
            type.setParameter("boundary", "=_fraudstats_" + letters(24));
            contentType = type.toString();
        }
    }

    private static String letters(int length) {
        StringBuilder letters = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            letters.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return letters.toString();
    }
}
