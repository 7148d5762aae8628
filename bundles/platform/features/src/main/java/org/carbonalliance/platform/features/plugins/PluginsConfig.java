package org.carbonalliance.platform.features.plugins;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of plugin uploads, editable on the console's Configuration page. */
@ObjectClassDefinition(name = "Alliance plugins",
        description = "Uploads of plugin bundles and features (/api/platform/plugins and the console's Alliance page).")
@interface PluginsConfig {

    @AttributeDefinition(name = "Largest upload (bytes)", min = "1024",
            description = "Larger plugin files are refused with 413 while they arrive.")
    long maxUploadBytes() default 52_428_800;

    @AttributeDefinition(name = "Review time (minutes)", min = "1", max = "1440",
            description = "An upload that is not activated within this time is discarded.")
    int reviewMinutes() default 60;
}
