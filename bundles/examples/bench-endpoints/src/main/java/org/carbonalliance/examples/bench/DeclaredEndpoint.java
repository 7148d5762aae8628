package org.carbonalliance.examples.bench;

import java.util.List;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.osgi.service.component.annotations.Component;

/** {@code POST /api/bench/declared}: the work, declared through the REST layer (routing, access, validation). */
@Component(service = RestResource.class)
public class DeclaredEndpoint implements RestResource {

    @Override
    public String base() {
        return "/bench/declared";
    }

    @Override
    public String tag() {
        return "benchmark";
    }

    @Override
    public List<Operation> operations() {
        return List.of(Operation.post("").summary("Accept a reading").access(Access.AUTHENTICATED)
                .body(Reading.class).returns(200, Receipt.class)
                .handle(call -> {
                    Reading reading = call.body(Reading.class);
                    return new Receipt(reading.meter(), reading.kwh(), true);
                }));
    }
}
