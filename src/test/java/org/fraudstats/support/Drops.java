package org.fraudstats.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes hand-made drops for tests: inbox/DATE/FILE with the exact bytes given. */
public final class Drops {

    private final Path inbox;

    public Drops(Path inbox) {
        this.inbox = inbox;
    }

    public Path inbox() {
        return inbox;
    }

    public Drops write(String date, String file, String content) {
        return writeBytes(date, file, content.getBytes(StandardCharsets.UTF_8));
    }

    public Drops writeBytes(String date, String file, byte[] content) {
        try {
            Path folder = Files.createDirectories(inbox.resolve(date));
            Files.write(folder.resolve(file), content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final String CASES = "case_id,reported_at,district_code,station,fraud_type,loss_amount,victim_age\n";
    public static final String FREEZES = "freeze_id,case_id,action,bank,account_no,amount,effective_at\n";
    public static final String REFUNDS = "refund_id,case_id,amount,refunded_at\n";
    public static final String WARNINGS = "warning_id,issued_at,district_code,channel,outcome\n";
}
