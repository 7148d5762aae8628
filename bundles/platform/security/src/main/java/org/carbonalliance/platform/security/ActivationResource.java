package org.carbonalliance.platform.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.carbonalliance.platform.api.web.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code POST /api/identity/activate}: an invited user sets a password with the one-time token. */
@Component(service = RestResource.class)
public class ActivationResource implements RestResource {

    /** Body of POST. */
    public record Activation(@NotBlank @Size(max = 200) String token,
            @NotBlank @Size(max = 200) String password) {
    }

    /** The answer. */
    public record Activated(boolean activated) {
    }

    private final UserDirectory identities;

    @Activate
    public ActivationResource(@Reference UserDirectory identities) {
        this.identities = identities;
    }

    @Override
    public String base() {
        return "/identity/activate";
    }

    @Override
    public String tag() {
        return "identity";
    }

    @Override
    public List<Operation> operations() {
        return List.of(Operation.post("").id("activateAccount")
                .summary("Activate an invited account: set its password with the one-time token")
                .access(Access.PUBLIC).body(Activation.class).returns(200, Activated.class)
                .error(400, "unknown, used or expired token, or a weak password")
                .handle(call -> {
                    Activation body = call.body(Activation.class);
                    try {
                        identities.activate(body.token(), body.password());
                    } catch (IllegalArgumentException e) {
                        throw ApiException.badRequest(e.getMessage(), List.of());
                    }
                    return new Activated(true);
                }));
    }
}
