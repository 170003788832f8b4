package org.fraudstats.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A mail whose Message-ID is the delivery's own, derived from its key, instead of a fresh one at every send: the
 * one duplicate exactly-once cannot rule out (a death between the relay's acceptance and the commit) then carries
 * the same Message-ID twice, which mail clients and the relay's logs recognise.
 */
final class DeliveryMessage extends MimeMessage {

    private final String messageId;

    DeliveryMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
