package org.fraudstats.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A process that takes the embedded PostgreSQL's port once the postmaster is gone, and asks for the password in
 * clear (or by md5), is sent nothing: the pools reconnecting after a kill -9 sent it the application's password (r41b).
 */
class ScramOnlyPasswordTest {

    private static final String PASSWORD = "Not-Sent-To-A-Stranger-41b";

    /** 3: AuthenticationCleartextPassword; 5: AuthenticationMD5Password, with its 4-byte salt. */
    @ParameterizedTest
    @ValueSource(ints = {3, 5})
    void aListenerAskingForThePasswordOtherwiseThanByScramIsSentNothing(int method) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> askFor(listener, method));
            Properties credentials = new Properties();
            credentials.setProperty("user", EmbeddedServer.APPLICATION_USER);
            credentials.setProperty("password", PASSWORD);
            credentials.setProperty("connectTimeout", "5");
            assertThatThrownBy(() -> DriverManager.getConnection(EmbeddedServer.jdbcUrl(listener.getLocalPort()), credentials).close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("asked for the password by " + (method == 3 ? "CLEARTEXT_PASSWORD" : "MD5_PASSWORD"))
                    .hasMessageContaining("another process may hold its port; nothing was sent")
                    // a connection not made, which the portal answers 503 and probes, not a refusal for good (review r41e)
                    .satisfies(e -> assertThat(DatabaseDown.isCause(e)).isTrue())
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
            byte[] after = received.get(10, TimeUnit.SECONDS);
            assertThat(new String(after, StandardCharsets.ISO_8859_1)).doesNotContain(PASSWORD).doesNotContain("md5");
            // a password message ('p') never came: at most the client's Terminate ('X')
            assertThat(after.length == 0 || after[0] == 'X').as("bytes after the request: %d", after.length).isTrue();
        }
    }

    /** Reads the startup message, asks for the password, and returns whatever the client sends next until it closes. */
    private static byte[] askFor(ServerSocket listener, int method) {
        try (Socket client = listener.accept()) {
            client.setSoTimeout(5000);
            DataInputStream in = new DataInputStream(client.getInputStream());
            int length = in.readInt();
            int code = in.readInt();
            if (code == 80877103) {
                // an SSLRequest first: refused, then the startup message
                client.getOutputStream().write('N');
                length = in.readInt();
                in.readInt();
            }
            in.readNBytes(length - 8);
            DataOutputStream out = new DataOutputStream(client.getOutputStream());
            out.writeByte('R');
            out.writeInt(method == 5 ? 12 : 8);
            out.writeInt(method);
            if (method == 5) {
                out.write(new byte[] {1, 2, 3, 4});
            }
            out.flush();
            return readUntilClosed(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            in.transferTo(all);
        } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
            // the client gave up without closing: what it sent is what counts
        }
        return all.toByteArray();
    }

    @Test
    void scramIsAnsweredWithThePassword() throws Exception {
        Properties connection = new Properties();
        connection.setProperty("password", PASSWORD);
        assertThat(new String(new ScramOnlyPassword(connection).getPassword(org.postgresql.plugin.AuthenticationRequestType.SASL)))
                .isEqualTo(PASSWORD);
    }
}
