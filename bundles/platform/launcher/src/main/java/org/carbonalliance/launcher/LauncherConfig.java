package org.carbonalliance.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The framework properties: conf/config.properties with {@code ${name}} replaced by earlier properties or system
 * properties, then the environment's overrides.
 */
final class LauncherConfig {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private LauncherConfig() {
    }

    static Map<String, String> load(Path home, Map<String, String> env) throws IOException {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("alliance.home", home.toString());
        props.put("alliance.data", home.resolve("data").toString());
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(home.resolve("conf/config.properties"))) {
            file.load(reader);
        }
        for (String name : file.stringPropertyNames()) {
            props.put(name, file.getProperty(name));
        }
        props.replaceAll((name, value) -> substitute(value, props));
        String port = env.get("ALLIANCE_HTTP_PORT");
        if (port != null && !port.isBlank()) {
            if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
                throw new IllegalArgumentException("ALLIANCE_HTTP_PORT must be a port number (0-65535), not " + port);
            }
            props.put("org.osgi.service.http.port", port);
        }
        String host = env.get("ALLIANCE_HTTP_HOST");
        if (host != null && !host.isBlank()) {
            props.put("org.apache.felix.http.host", host);
        }
        return props;
    }

    static String substitute(String value, Map<String, String> props) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = props.containsKey(name) && !props.get(name).contains("${" + name + "}")
                    ? substitute(props.get(name), props) : System.getProperty(name, m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
