package org.carbonalliance.membership.impl;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.carbonalliance.membership.api.ApplicationForm;
import org.carbonalliance.membership.api.OrganisationType;
import org.carbonalliance.membership.api.Seeking;
import org.carbonalliance.platform.persistence.InMemoryPersistence;
import org.carbonalliance.platform.testkit.FakeIdentityService;
import org.carbonalliance.platform.testkit.RecordingPluginCalls;
import org.carbonalliance.platform.testkit.RecordingAuditLog;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The membership components wired by hand on the test kit's doubles, as DS wires them in the server. */
final class MembershipFixture implements AutoCloseable {

    final InMemoryPersistence persistence = new InMemoryPersistence();
    final FakeIdentityService identity = new FakeIdentityService();
    final RecordingAuditLog audit = new RecordingAuditLog();
    final List<Event> events = new CopyOnWriteArrayList<>();
    final EventAdmin eventAdmin = new EventAdmin() {
        @Override
        public void postEvent(Event event) {
            events.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            events.add(event);
        }
    };
    final MembershipStoreImpl store = new MembershipStoreImpl(persistence);
    final MembersImpl members = new MembersImpl(store, persistence.transactions(), identity, audit, eventAdmin);
    final RecordingPluginCalls pluginCalls = new RecordingPluginCalls();
    final ApplicationsImpl applications = new ApplicationsImpl(store, members, persistence.transactions(), identity,
            audit, eventAdmin, pluginCalls);

    static ApplicationForm form(String name, String email) {
        return new ApplicationForm(name, null, OrganisationType.COMPANY, "CN", "REG-" + name.hashCode(),
                "https://www.example.com", "Wang Fang", email, Set.of("Y02E"),
                "Renewable power purchasing toward carbon neutrality by 2030.", Seeking.BOTH);
    }

    List<String> topics() {
        return events.stream().map(Event::getTopic).toList();
    }

    @Override
    public void close() {
        store.close();
        persistence.close();
    }
}
