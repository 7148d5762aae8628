package org.carbonalliance.platform.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.carbonalliance.platform.api.validation.SingleLine;
import org.carbonalliance.platform.api.web.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/identity/keys}: the caller's own API keys. POST creates one and shows its secret once (field {@code key});
 * GET lists them without secrets; DELETE {@code /{id}} revokes one.
 */
@Component(service = RestResource.class)
public class ApiKeysResource implements RestResource {

    /** Body of POST. */
    public record NewKey(@NotBlank @Size(min = 1, max = 100) @SingleLine String name) {
    }

    /** A key without its secret. */
    public record KeyView(String id, String name, Instant createdAt, Instant revokedAt) {
        static KeyView of(ApiKey key) {
            return new KeyView(key.getId(), key.getName(), key.getCreatedAt(), key.getRevokedAt());
        }
    }

    /** A new key with its secret, shown this once. */
    public record CreatedKey(String id, String name, Instant createdAt, Instant revokedAt, String key) {
    }

    private final KeyStore keys;

    @Activate
    public ApiKeysResource(@Reference KeyStore keys) {
        this.keys = keys;
    }

    @Override
    public String base() {
        return "/identity/keys";
    }

    @Override
    public String tag() {
        return "identity";
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                Operation.get("").id("listApiKeys").summary("Your API keys, without their secrets")
                        .access(Access.AUTHENTICATED).returnsList(200, KeyView.class)
                        .handle(call -> keys.list(call.caller().username()).stream().map(KeyView::of).toList()),
                Operation.post("").id("createApiKey")
                        .summary("Create an API key; its secret is in the field 'key', shown once")
                        .access(Access.AUTHENTICATED).body(NewKey.class).returns(201, CreatedKey.class)
                        .handle(call -> {
                            KeyStore.Created created = keys.create(call.caller().username(),
                                    call.body(NewKey.class).name().strip());
                            ApiKey key = created.key();
                            return new CreatedKey(key.getId(), key.getName(), key.getCreatedAt(), key.getRevokedAt(),
                                    created.text());
                        }),
                Operation.delete("/{id}").id("revokeApiKey").summary("Revoke one of your API keys")
                        .access(Access.AUTHENTICATED).returnsNothing(204).error(404, "no such active key of yours")
                        .handle(call -> {
                            if (!keys.revoke(call.caller().username(), call.path("id"))) {
                                throw ApiException.notFound("You have no active API key " + call.path("id") + ".");
                            }
                            return null;
                        }));
    }
}
