package org.fraudstats.web.security;

import java.io.Serializable;

import jakarta.servlet.http.HttpServletRequest;
import org.fraudstats.access.SignIn;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * The sign-in form's check (fields username, password and, for those enrolled, code): the access module's
 * {@link SignIn} decides and audits; this turns its answer into Spring Security's. A lock and a wrong password
 * give the same exception, hence the same message.
 */
class PasswordAndCode implements AuthenticationProvider {

    /** What the form sends beside the name and password. */
    record Details(String code, String client) implements Serializable {
    }

    static final AuthenticationDetailsSource<HttpServletRequest, Details> DETAILS =
            request -> new Details(request.getParameter("code"), Clients.address(request));

    /** Password right, TOTP key awaiting its first code: the form shows the QR code next. */
    static class TotpPending extends AuthenticationException {
        final String user;
        /** SignIn.Attempt.checked: what the password was checked against. */
        final String checked;

        TotpPending(String user, String checked) {
            super("TOTP enrolment pending");
            this.user = user;
            this.checked = checked;
        }
    }

    private final SignIn signIn;

    PasswordAndCode(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName();
        String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        Details details = authentication.getDetails() instanceof Details d ? d : new Details(null, "");
        SignIn.Attempt attempt = signIn.attempt(name, password, details.code(), details.client());
        return switch (attempt.outcome()) {
            case SUCCESS -> Authorities.of(new CurrentUser(attempt.user().name(), attempt.user().role(), details.client()));
            case REFUSED -> throw new BadCredentialsException("refused");
            case TOTP_PENDING -> throw new TotpPending(attempt.user().name(), attempt.checked());
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
