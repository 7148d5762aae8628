/**
 * Platform API: web. See the class documentation for the contract plugin authors rely on.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package org.carbonalliance.platform.api.web;
