package org.fraudstats.web.pages;

import org.fraudstats.metrics.RollupCheck;
import org.fraudstats.web.portal.BadInput;

/**
 * Figures over an amount most likely an account number (RollupCheck.requireNoOutsizedAmounts), said on a page's form
 * as a refused input is, and answered 409 by the page (/figures, /headline), as the API answers it.
 */
final class OutsizedData extends BadInput {

    OutsizedData(RollupCheck.OutsizedAmounts outsized) {
        this(outsized, outsized.chinese());
    }

    /** @param chinese the line the page shows in its stead (the press office's, which names no record) */
    OutsizedData(RollupCheck.OutsizedAmounts outsized, String chinese) {
        super(outsized.getMessage(), chinese);
    }
}
