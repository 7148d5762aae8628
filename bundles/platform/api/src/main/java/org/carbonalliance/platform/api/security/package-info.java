/**
 * Platform API: security. See the class documentation for the contract plugin authors rely on.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.carbonalliance.platform.api.security;
