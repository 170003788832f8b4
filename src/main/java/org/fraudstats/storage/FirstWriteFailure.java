package org.fraudstats.storage;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The stream a bulletin file is written to, remembering the first write that failed. POI catches the IOException of a part
 * it cannot write, logs it with its trace and throws an exception of its own that says only "The part
 * /xl/sharedStrings.xml failed to be saved in the stream with marshaller …": a night on a full disk ended on that line,
 * which named neither the disk nor the folder (an operator). The failure remembered here is what the command says
 * instead (No space left on device, with the folder: {@link CannotWrite}). JasperReports wraps it in an exception of
 * its own too.
 */
public final class FirstWriteFailure extends FilterOutputStream {

    private IOException failure;

    private FirstWriteFailure(OutputStream out) {
        super(out);
    }

    /** What writes a document into a stream: POI's {@code workbook.write}, a JasperReports export. */
    @FunctionalInterface
    public interface Writer<E extends Exception> {
        void writeTo(OutputStream out) throws E;
    }

    /**
     * Has {@code writer} write into {@code out}; a write of the stream that failed is what is thrown, whatever the writer
     * made of it (its own exception kept as suppressed), also when the writer went on as if nothing had happened: a
     * truncated document would otherwise be published as good.
     */
    public static <E extends Exception> void write(OutputStream out, Writer<E> writer) throws IOException, E {
        FirstWriteFailure sink = new FirstWriteFailure(out);
        try {
            writer.writeTo(sink);
        } catch (Exception e) {
            if (sink.failure != null) {
                // a writer that lets the stream's own exception through: adding it to itself would throw instead
                if (e != sink.failure) {
                    sink.failure.addSuppressed(e);
                }
                throw sink.failure;
            }
            throw e;
        }
        if (sink.failure != null) {
            throw sink.failure;
        }
    }


    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw remembered(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw remembered(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw remembered(e);
        }
    }

    /** Not closed here: the caller owns the stream it gave. */
    @Override
    public void close() throws IOException {
        flush();
    }

    private IOException remembered(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }
}
