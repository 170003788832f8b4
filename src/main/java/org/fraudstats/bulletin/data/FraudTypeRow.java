package org.fraudstats.bulletin.data;

import java.math.BigDecimal;
import java.util.Objects;

/** One fraud type's cases and loss over the bulletin's period; {@code name} is the catalogue's Chinese name. */
public record FraudTypeRow(String code, String name, long cases, BigDecimal lossAmount) {

    public FraudTypeRow {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lossAmount, "lossAmount");
    }
}
