package org.fraudstats.access;

/** A refusal the portal's pages show: its reason in Chinese (web.md: Chinese first), the message staying English. */
public interface SaidInChinese {
    String chinese();
}
