package org.carbonalliance.licensing.impl;

import java.util.Map;
import org.carbonalliance.patentpool.api.PatentPoolEvents;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.carbonalliance.platform.api.web.JsonText;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;

/**
 * Listens to the pool's withdrawals. A withdrawn patent stays on every licence granted before the withdrawal takes
 * effect (licences are never changed or deleted); this records, in the audit log, how many licences keep it.
 */
@Component(service = EventHandler.class, property = "event.topics=" + PatentPoolEvents.WITHDRAWN)
public class PoolWithdrawals implements EventHandler {

    private final Licensing licensing;
    private final AuditLog audit;

    @Activate
    public PoolWithdrawals(@Reference Licensing licensing, @Reference AuditLog audit) {
        this.licensing = licensing;
        this.audit = audit;
    }

    @Override
    public void handleEvent(Event event) {
        String number = String.valueOf(event.getProperty(PatentPoolEvents.PUBLICATION_NUMBER));
        long kept = licensing.patentCounts(number).licences();
        audit.record("licensing.patent-withdrawn", null, number, null, JsonText.write(Map.of("licencesKeepingIt",
                kept, "effective", String.valueOf(event.getProperty(PatentPoolEvents.EFFECTIVE)))));
    }
}
