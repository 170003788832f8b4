package org.fraudstats.web.security;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.fraudstats.storage.DigitRuns;
import org.springframework.web.util.UriUtils;

/** What the audit log says about a request: the client's address and "METHOD path" as the object. */
public final class Clients {

    /** The id of the API token a request was let in by (BearerTokens), for the audit's client column. */
    static final String TOKEN_ID = Clients.class.getName() + ".tokenId";

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    /** An IPv4 address, with the port some proxies add. */
    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile(OCTET + "(\\." + OCTET + "){3}(:\\d{1,5})?");
    /** What may be an IPv6 literal: hex digits, colons and dots, a zone, in brackets with a port after them or not. */
    private static final java.util.regex.Pattern IPV6_SHAPE = java.util.regex.Pattern.compile(
            "(\\[)?([0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)(%[0-9A-Za-z._-]{1,32})?(](:\\d{1,5})?)?");

    /**
     * Whether the peer address is an IP address (or none): IPv4 by its shape, IPv6 parsed by the JDK once its shape
     * holds nothing but hex digits, colons and dots (a literal with a colon is never looked up as a host name) and its
     * zone is set aside (an interface this machine lacks is no bad address): a pattern alone refused
     * 1:2:3:4:5:6:7:: and took 999.999.999.999 (review 31c).
     */
    static boolean isAddress(String address) {
        // no address is longer (an 8 KB header made the IPv6 shape backtrack for a second: review 31d)
        if (address.length() > 64) {
            return false;
        }
        if (address.isEmpty() || IPV4.matcher(address).matches()) {
            return true;
        }
        java.util.regex.Matcher v6 = IPV6_SHAPE.matcher(address);
        if (!v6.matches() || (v6.group(1) == null) != (v6.group(4) == null)) {
            return false;
        }
        try {
            java.net.InetAddress.getByName("[" + v6.group(2) + "]");
            return true;
        } catch (java.net.UnknownHostException notOne) {
            return false;
        }
    }

    private Clients() {
    }

    /**
     * The peer address (Spring Boot's server.forward-headers-strategy makes it the real client behind a proxy), and
     * for a request let in by an API token its id ({@code 10.1.2.3 token 7}): an administrator makes tokens for
     * leaders, statisticians and press officers (web.md), and the auditor tells what was read through the one an
     * administrator made from what its user read, by the token's {@code token-create} row.
     */
    public static String address(HttpServletRequest request) {
        String address = request.getRemoteAddr() == null ? "" : request.getRemoteAddr();
        // behind a proxy (server.forward-headers-strategy=native) the address is the last X-Forwarded-For entry no
        // trusted proxy added, taken as the client wrote it: an account number, another user's address or a name
        // landed in every audit row of the request (review 31). An address only, or what it was not
        if (!isAddress(address)) {
            address = "(not an address: " + address.length() + " characters)";
        }
        return request.getAttribute(TOKEN_ID) instanceof Long id ? address + " token " + id : address;
    }

    /**
     * The request as the audit log's object; the query is left out (it may hold a token pasted by mistake), and an
     * account number in the path is masked (DigitRuns): anyone can request /api/v1/bulletins/NUMBER/daily.pdf, and the
     * refusal would show the number to the auditor. Percent-escapes are read first, so %36%32… is masked too.
     */
    static String object(HttpServletRequest request) {
        return object(request.getMethod(), request.getRequestURI());
    }

    /** The same of a method and path: an error page's request is /error, the one refused is an attribute of it. */
    static String object(String method, String path) {
        return method + " " + (path == null ? "" : DigitRuns.mask(decoded(path)));
    }

    private static String decoded(String path) {
        try {
            return UriUtils.decode(path, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return path;
        }
    }
}
