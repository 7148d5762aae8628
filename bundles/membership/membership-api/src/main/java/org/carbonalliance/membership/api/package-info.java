/**
 * Membership API: the application form organisations send to join the alliance, its states, the findings of onboarding
 * checks, the {@link org.carbonalliance.membership.api.OnboardingCheck} extension point and the events the capability
 * emits.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.carbonalliance.membership.api;
