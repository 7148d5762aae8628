#set( $className = "" )
#foreach( $word in $artifactId.split("-") )
#set( $className = "${className}${word.substring(0,1).toUpperCase()}${word.substring(1)}" )
#end
package ${package};

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
 * {@code /api/${artifactId}/observations}: a member's own observations. The platform authenticates the caller, checks
 * the access rule, validates the body against the record's constraints, answers errors in its one JSON shape and
 * lists the operations in {@code /api/openapi.json}.
 */
@Component(service = RestResource.class)
public class ObservationsResource implements RestResource {

    /** The body of a new observation: the platform refuses anything outside these constraints with a 400. */
    public record NewObservation(
            @NotBlank @Size(max = 200) @SingleLine String sample,
            @NotNull @DecimalMin("0") @DecimalMax("1000000000") BigDecimal co2Kg,
            @NotNull @PastOrPresent LocalDate measuredOn) {
    }

    /** An observation as the API shows it (a record name unique across the platform's OpenAPI document). */
    public record ObservationView(String id, String sample, BigDecimal co2Kg, LocalDate measuredOn,
            String recordedBy, Instant createdAt) {
        static ObservationView of(Observation o) {
            return new ObservationView(o.getId(), o.getSample(), o.getCo2Kg(), o.getMeasuredOn(), o.getRecordedBy(),
                    o.getCreatedAt());
        }
    }

    private final ObservationStore store;

    @Activate
    public ObservationsResource(@Reference ObservationStore store) {
        this.store = store;
    }

    @Override
    public String base() {
        return "/${artifactId}/observations";
    }

    @Override
    public String tag() {
        return "${artifactId}";
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                Operation.get("").id("list${className}Observations").summary("The calling member's observations")
                        .access(Access.MEMBER).query("limit", "integer", "at most this many (1-500, default 100)")
                        .returnsList(200, ObservationView.class)
                        .handle(call -> store.list(call.queryInt("limit", 100, 1, 500)).stream()
                                .map(ObservationView::of).toList()),
                Operation.post("").id("add${className}Observation").summary("Record an observation")
                        .access(Access.MEMBER).body(NewObservation.class).returns(201, ObservationView.class)
                        .handle(call -> {
                            NewObservation body = call.body(NewObservation.class);
                            return ObservationView.of(store.add(body.sample().strip(), body.co2Kg(),
                                    body.measuredOn(), call.caller().username()));
                        }),
                Operation.get("/{id}").id("get${className}Observation").summary("One of the member's observations")
                        .access(Access.MEMBER).returns(200, ObservationView.class).error(404, "no such observation")
                        .handle(call -> store.find(call.path("id")).map(ObservationView::of).orElseThrow(
                                () -> ApiException.notFound("No observation " + call.path("id") + "."))));
    }
}
