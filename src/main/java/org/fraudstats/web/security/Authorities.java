package org.fraudstats.web.security;

import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The authentication of a signed-in user: {@link CurrentUser} as principal, the role's authority (ROLE_LEADER …). */
final class Authorities {

    private Authorities() {
    }

    static Authentication of(CurrentUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(user.role().authority())));
    }
}
