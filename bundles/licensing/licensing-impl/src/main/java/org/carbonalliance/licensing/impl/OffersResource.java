package org.carbonalliance.licensing.impl;

import java.util.List;
import org.carbonalliance.licensing.impl.LicensingRecords.OfferForm;
import org.carbonalliance.licensing.impl.LicensingRecords.OfferView;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/licensing/offers}: licence offers, public; alliance-admins create and revise them. The same path with
 * {@code Accept: application/ld+json} answers the ODRL document ({@link OfferJsonLdFilter}).
 */
@Component(service = RestResource.class)
public class OffersResource implements RestResource {

    private static final Access SECRETARIAT = Access.anyRole(Roles.ALLIANCE_ADMIN);

    private final Licensing licensing;

    @Activate
    public OffersResource(@Reference Licensing licensing) {
        this.licensing = licensing;
    }

    @Override
    public String base() {
        return "/licensing/offers";
    }

    @Override
    public String tag() {
        return "licensing";
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                Operation.get("").id("listOffers").summary("The licence offers, each in its latest version (public)")
                        .access(Access.PUBLIC).returnsList(200, OfferView.class).handle(call -> licensing.offers()),
                Operation.get("/{id}").id("getOffer")
                        .summary("An offer: its terms as data and as text in English and Chinese (public); "
                                + "Accept: application/ld+json gives the ODRL policy")
                        .access(Access.PUBLIC).query("version", "integer", "a former version (default: the latest)")
                        .returns(200, OfferView.class).error(404, "no such offer or version")
                        .handle(call -> {
                            int version = call.queryInt("version", 0, 0, 100_000);
                            return licensing.offer(call.path("id"), version == 0 ? null : version).orElseThrow(() ->
                                    ApiException.notFound("There is no offer " + call.path("id") + "."));
                        }),
                Operation.post("").id("createOffer").summary("Create an offer (alliance-admins)")
                        .access(SECRETARIAT).body(OfferForm.class).returns(201, OfferView.class)
                        .handle(call -> licensing.createOffer(call.body(OfferForm.class), call.caller())),
                Operation.post("/{id}/versions").id("reviseOffer")
                        .summary("A new version of an offer; licences granted on earlier versions keep theirs")
                        .access(SECRETARIAT).body(OfferForm.class).returns(201, OfferView.class)
                        .error(404, "no such offer").error(409, "revised at the same moment by someone else")
                        .handle(call -> licensing.reviseOffer(call.path("id"), call.body(OfferForm.class),
                                call.caller())));
    }
}
