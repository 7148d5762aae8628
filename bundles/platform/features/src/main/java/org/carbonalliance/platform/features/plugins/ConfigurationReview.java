package org.carbonalliance.platform.features.plugins;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.carbonalliance.platform.features.plugins.PluginRecords.PluginConfigProperty;

/**
 * How the review shows a feature's configuration properties: each name, but a value only when it is short and
 * neither its name nor its shape suggests a secret.
 */
final class ConfigurationReview {

    /** A configuration value longer than this is not shown in the review. */
    static final int MAX_SHOWN_VALUE = 64;
    /** Property names that suggest a secret: their values are never shown. */
    private static final List<String> SECRET_WORDS = List.of("pass", "pwd", "secret", "token", "key", "credential",
            "private", "auth", "cert", "salt", "signature", "session", "cookie");
    /** Text that looks like a generated secret: a long run of base64 or hex characters with digits among them. */
    private static final Pattern SECRET_SHAPE = Pattern.compile("(?=[A-Za-z0-9+/=_-]*[0-9])[A-Za-z0-9+/=_-]{20,}");

    private ConfigurationReview() {
    }

    /**
     * A configuration property as the review shows it: its name always; its value only when it is short, its name
     * does not suggest a secret and it does not look like one (a long run of base64 or hex).
     */
    static PluginConfigProperty property(String name, Object value) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean secretName = SECRET_WORDS.stream().anyMatch(lower::contains);
        String text = secretName ? null : shown(value);
        return new PluginConfigProperty(name, text, text == null);
    }

    /** @return the value as text when it may be shown, else null */
    private static String shown(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Number || value instanceof Character) {
            return String.valueOf(value);
        }
        if (value instanceof String s) {
            boolean plain = s.length() <= MAX_SHOWN_VALUE && s.chars().noneMatch(Character::isISOControl)
                    && !SECRET_SHAPE.matcher(s).find() && !(s.contains("://") && s.contains("@"));
            return plain ? s : null;
        }
        List<Object> items = new ArrayList<>();
        if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value) && i <= MAX_SHOWN_VALUE; i++) {
                items.add(Array.get(value, i));
            }
        } else if (value instanceof Collection<?> collection) {
            collection.stream().limit(MAX_SHOWN_VALUE + 1L).forEach(items::add);
        } else {
            return null;
        }
        StringBuilder text = new StringBuilder("[");
        for (Object item : items) {
            String shown = item == null || item.getClass().isArray() || item instanceof Collection ? null : shown(item);
            if (shown == null) {
                return null;
            }
            text.append(text.length() == 1 ? "" : ", ").append(shown);
            if (text.length() > MAX_SHOWN_VALUE) {
                return null;
            }
        }
        return text.append(']').toString();
    }
}
