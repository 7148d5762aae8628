package org.carbonalliance.platform.features;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the OSGi log (where Declarative Services and FileInstall report failures) into the platform's log files;
 * its INFO and lower entries (bundle and service events) at debug level.
 */
@Component(service = {})
public class LogForwarder implements LogListener {

    private final LogReaderService reader;

    @org.osgi.service.component.annotations.Activate
    public LogForwarder(@Reference LogReaderService reader) {
        this.reader = reader;
        reader.addLogListener(this);
    }

    @Deactivate
    void stop() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        String source = entry.getBundle() == null ? "osgi" : entry.getBundle().getSymbolicName();
        Logger logger = LoggerFactory.getLogger("osgi." + source);
        String message = entry.getServiceReference() == null ? entry.getMessage()
                : entry.getMessage() + " [service " + entry.getServiceReference().getProperty("service.id") + "]";
        switch (entry.getLogLevel()) {
            case AUDIT, ERROR -> logger.error(message, entry.getException());
            case WARN -> logger.warn(message, entry.getException());
            // The OSGi log's INFO entries are mostly bundle and service events: detail, not news.
            default -> logger.debug(message, entry.getException());
        }
    }
}
