package org.fraudstats.bulletin;

/**
 * The marking every bulletin carries, as the portal's footer does: the PDF, the workbook and the mail leave the server
 * by mail, and carried none (r43a).
 */
public final class Marking {

    public static final String TEXT = "内部资料 注意保密";

    private Marking() {
    }
}
