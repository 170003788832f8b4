package org.fraudstats.bulletin.pdf;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fraudstats.bulletin.data.SampleBulletins;
import org.fraudstats.catalog.Catalog;

/**
 * A JVM that renders a daily while it shuts down, as serve does with the night a SIGTERM finds under way: the
 * templates compiled and the font loaded before the stop (serve checks the catalogue against the font at its start),
 * the PDF written from a shutdown hook. Run by {@link StoppingProcessRendersTest} in a process of its own.
 */
final class RenderedWhileStopping {

    private RenderedWhileStopping() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        BulletinPdf pdf = new BulletinPdf(Catalog.foshan());
        pdf.requireCatalogueDrawable();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                pdf.write(SampleBulletins.daily(), out);
                System.out.println("rendered");
            } catch (Exception | Error e) {
                System.out.println("failed: " + e);
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    System.out.println("caused by: " + cause);
                }
            }
        }));
        System.exit(0);
    }
}
