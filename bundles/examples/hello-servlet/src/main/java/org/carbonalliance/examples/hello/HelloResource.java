package org.carbonalliance.examples.hello;

import java.util.List;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The smallest plugin: a public endpoint at {@code /api/hello} that names the bundle version answering, so hot deploy,
 * update and removal can be watched from outside.
 */
@Component(service = RestResource.class)
public class HelloResource implements RestResource {

    /** The answer. */
    public record Greeting(String message, String bundleVersion) {
    }

    private final Greeting greeting;

    @Activate
    public HelloResource(BundleContext context) {
        this.greeting = new Greeting("Hello from a Carbon Alliance plugin", context.getBundle().getVersion().toString());
    }

    @Override
    public String base() {
        return "/hello";
    }

    @Override
    public String tag() {
        return "examples";
    }

    @Override
    public List<Operation> operations() {
        return List.of(Operation.get("")
                .id("hello")
                .summary("Greeting from the example plugin, with the bundle version that answers")
                .access(Access.PUBLIC)
                .returns(200, Greeting.class)
                .handle(call -> greeting));
    }
}
