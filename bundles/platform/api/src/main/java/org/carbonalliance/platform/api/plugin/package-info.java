/**
 * Platform API: calling plugin code safely.
 * <p>
 * <b>For plugin authors.</b> The platform calls the extension points you implement (an onboarding check, a licence
 * policy, a factor source, a payload decoder, a patent source, a health check ...) on a platform thread of its own,
 * with a time limit that the extension point's documentation states. When your method throws (an {@link Error}
 * included) or does not answer in time, the platform carries on without your answer in the way that extension point
 * documents (a warning finding, a referral, a refused payload ...), interrupts your method, and names your bundle
 * (symbolic name and version) in {@code /api/health} under the check {@code plugins}, with what was called, how often
 * it failed or timed out in the last 15 minutes and the last message. A bundle that already has
 * {@value org.carbonalliance.platform.api.plugin.PluginCalls#MAX_OVERDUE_CALLS} calls still running past their limit
 * is not called again until one of them ends: such calls fail at once. So: answer quickly, react to interruption,
 * and do slow work (a download, a big computation) in the background, not in the call.
 * <p>
 * <b>For platform developers.</b> Never call plugin code on a request thread, a loader thread or a scheduler thread
 * directly: call it through {@link org.carbonalliance.platform.api.plugin.PluginCalls}, with the limit the extension
 * point documents, and turn a {@link org.carbonalliance.platform.api.plugin.PluginCallException} into the documented
 * outcome. An exception that is part of the extension point's contract (a decoder refusing a payload with an
 * {@code IllegalArgumentException}, a source reporting an unreadable file with an {@code IOException}) is an answer,
 * not a failure: catch it inside the work and return it as a value, so the plugin is not reported as failing.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.carbonalliance.platform.api.plugin;
