import org.carbonalliance.client.ApiClient;
import org.carbonalliance.client.api.EmissionsApi;
import org.carbonalliance.client.api.ExamplesApi;
import org.carbonalliance.client.api.TelemetryApi;
import org.carbonalliance.client.api.IdentityApi;
import org.carbonalliance.client.api.LicensingApi;
import org.carbonalliance.client.api.MembershipApi;
import org.carbonalliance.client.api.PatentpoolApi;
import org.carbonalliance.client.api.PlatformApi;

/**
 * Compiled with the Java client generated from /api/openapi.json, as an integrator would use it: one call per tag.
 * Arguments: the server's port and an Authorization header value.
 */
public class ClientCheck {

    public static void main(String[] args) throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + args[0]);
        client.setRequestInterceptor(request -> request.header("Authorization", args[1]));
        System.out.println("platform: health " + new PlatformApi(client).health().getStatus());
        System.out.println("identity: keys " + new IdentityApi(client).listApiKeys().getItems().size());
        System.out.println("membership: members " + new MembershipApi(client).listMembers(null).getItems().size());
        System.out.println("patentpool: patents " + new PatentpoolApi(client).listOwnPatents().getItems().size());
        System.out.println("licensing: offers " + new LicensingApi(client).listOffers().getItems().size());
        System.out.println("emissions: rollup years "
                + new EmissionsApi(client).getAllianceRollup().getYears().size());
        try {
            new TelemetryApi(client).listDevices();
        } catch (org.carbonalliance.client.ApiException e) {
            System.out.println("telemetry: devices refused " + e.getCode());   // members' own: the operator gets 403
        }
        try {
            new ExamplesApi(client).listFieldNotes();
        } catch (org.carbonalliance.client.ApiException e) {
            System.out.println("examples: notes refused " + e.getCode());   // a member's own, as above
        }
    }
}
