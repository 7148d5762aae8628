package org.carbonalliance.platform.api.rest;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A group of REST operations below one base path, registered as a whiteboard service. The platform serves it while
 * the service is registered (hot deploy adds and removes it) and documents it in {@code /api/openapi.json}.
 * <pre>
 * &#64;Component(service = RestResource.class)
 * public class NotesResource implements RestResource {
 *     public String base() { return "/field-notes"; }
 *     public String tag() { return "examples"; }
 *     public List&lt;Operation&gt; operations() {
 *         return List.of(Operation.get("/{id}").summary("One note").access(Access.AUTHENTICATED)
 *                 .returns(200, NoteView.class).error(404, "no such note")
 *                 .handle(call -&gt; notes.find(call.path("id"))));
 *     }
 * }
 * </pre>
 */
@ConsumerType
public interface RestResource {

    /** @return the path below {@code /api} that every operation's path is relative to, such as {@code /field-notes} */
    String base();

    /** @return the OpenAPI tag grouping these operations, such as {@code membership} */
    String tag();

    /** @return the operations; called once when the service is registered */
    List<Operation> operations();
}
