package org.carbonalliance.itest;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** The activator of a deliberately broken plugin: it throws on start. */
public class FailingActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        throw new IllegalStateException("this plugin fails on purpose");
    }

    @Override
    public void stop(BundleContext context) {
    }
}
