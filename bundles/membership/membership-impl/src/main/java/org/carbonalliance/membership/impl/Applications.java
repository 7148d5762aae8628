package org.carbonalliance.membership.impl;

import java.util.List;
import java.util.Optional;
import org.carbonalliance.membership.api.ApplicationForm;
import org.carbonalliance.membership.api.ApplicationState;
import org.carbonalliance.platform.api.security.Invitation;
import org.carbonalliance.platform.api.security.Secrets;
import org.carbonalliance.platform.api.web.JsonText;

/**
 * The application workflow: submission with checks, the applicant's status token, and the secretariat's decisions.
 * Wrong-state decisions throw {@link IllegalStateException}; unknown applications {@link NotFound}.
 */
public interface Applications {

    /** A stored application and, right after submission, the only copy of its status token. */
    record Submitted(Application application, String statusToken) {
    }

    Submitted submit(ApplicationForm form);

    Optional<Application> find(String id);

    List<Application> list(ApplicationState state, int offset, int limit);

    /** Approves: creates the tenant, the member and invites the contact as its first member-admin, atomically. */
    default Invitation approve(String id) {
        return approve(id, false);
    }

    /** @param demo marks the member as demo data in the directory */
    Invitation approve(String id, boolean demo);

    void startReview(String id);

    void reject(String id, String reason);

    void requestInformation(String id, String questions);

    void resubmit(String id, ApplicationForm form);

    void withdraw(String id);

    /** @return whether {@code token} is the status token of {@code application} */
    static boolean tokenMatches(Application application, String token) {
        return Secrets.matches(token, application.statusTokenHash());
    }

    static String json(Object value) {
        return JsonText.write(value);
    }

    /** The application or member named does not exist; the message says which. */
    final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }
}
