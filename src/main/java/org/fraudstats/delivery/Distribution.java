package org.fraudstats.delivery;

import java.util.List;

/** jobs/distribution.yml: who is mailed which bulletins, from which address, with which files. */
record Distribution(String source, Recipient from, List<String> allowedDomains, long maxAttachmentBytes, List<MailingList> lists) {

    /** The cap as written in the file (10, 0.5), for the body's sentence. */
    String maxAttachmentMegabytes() {
        return java.math.BigDecimal.valueOf(maxAttachmentBytes).divide(java.math.BigDecimal.valueOf(1024 * 1024), 2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    static Distribution none() {
        return new Distribution("", null, List.of(), 0, List.of());
    }

    /** A list of recipients and the products (daily, weekly, monthly) and formats (pdf, xlsx) it takes. */
    record MailingList(String name, List<String> products, List<String> attach, List<Recipient> recipients) {
    }

    record Recipient(String name, String email) {
    }
}
