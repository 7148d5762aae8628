/**
 * Platform API: persistence. See the class documentation for the contract plugin authors rely on.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.carbonalliance.platform.api.persistence;
