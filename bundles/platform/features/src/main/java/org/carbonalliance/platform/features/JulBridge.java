package org.carbonalliance.platform.features;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends java.util.logging (used by Liquibase and parts of the JDK) to slf4j, so it lands in the log files instead of
 * standard output. Activated early: this bundle starts before the persistence bundle.
 */
@Component(service = {})
public class JulBridge {

    @Activate
    void install() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    @Deactivate
    void uninstall() {
        SLF4JBridgeHandler.uninstall();
    }
}
