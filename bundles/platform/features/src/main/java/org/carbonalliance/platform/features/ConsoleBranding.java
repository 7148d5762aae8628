package org.carbonalliance.platform.features;

import org.apache.felix.webconsole.spi.BrandingPlugin;
import org.osgi.service.component.annotations.Component;

/** Names the product in the web console's title and header instead of "Apache Felix Web Console". */
@Component
public class ConsoleBranding implements BrandingPlugin {

    static final String BRAND = "Carbon Alliance Platform";
    private static final String HOME = "/system/console/alliance";

    @Override
    public String getBrandName() {
        return BRAND;
    }

    @Override
    public String getProductName() {
        return BRAND;
    }

    @Override
    public String getProductURL() {
        return HOME;
    }

    @Override
    public String getProductImage() {
        return "/res/imgs/logo.png";
    }

    @Override
    public String getVendorName() {
        return "Global Carbon Neutral Technology Alliance";
    }

    @Override
    public String getVendorURL() {
        return HOME;
    }

    @Override
    public String getVendorImage() {
        return "/res/imgs/logo.png";
    }

    @Override
    public String getFavIcon() {
        return "/res/imgs/favicon.ico";
    }

    @Override
    public String getMainStyleSheet() {
        return "/res/ui/webconsole.css"; // relative to the console root, as the console expects
    }
}
