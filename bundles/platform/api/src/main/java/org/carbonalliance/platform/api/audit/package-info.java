/**
 * Platform API: the append-only, hash-chained audit log every capability records its changes of state in.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.carbonalliance.platform.api.audit;
