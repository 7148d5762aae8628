package org.carbonalliance.platform.features.plugins;

import static org.carbonalliance.platform.features.plugins.PluginInspector.refuse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.carbonalliance.platform.features.plugins.BundleJar.Budget;
import org.carbonalliance.platform.features.plugins.ManifestHeader.Clause;

/**
 * The services a bundle's Declarative Services components provide, read from the component descriptions (XML) its
 * Service-Component header lists, without running any of it.
 */
final class ComponentServices {

    static final int MAX_COMPONENT_BYTES = 1 << 20;
    static final int MAX_COMPONENT_FILES = 500;
    /** Service-Component paths with a wildcard; each one looks at the names of the entries in its folder. */
    static final int MAX_COMPONENT_WILDCARDS = 20;
    /** Entry names longer than this are no component descriptions a wildcard needs to consider. */
    private static final int MAX_COMPONENT_NAME = 512;

    private ComponentServices() {
    }

    /** Adds the interfaces the component descriptions that {@code header} (Service-Component) names provide. */
    static void addProvided(ZipFile zip, String header, Budget budget, Set<String> services) throws IOException {
        for (String path : componentFiles(zip, header)) {
            ZipEntry entry = zip.getEntry(path);
            if (entry != null && !entry.isDirectory()) {
                provided(BundleJar.read(zip, entry, MAX_COMPONENT_BYTES, budget), path, services);
            }
        }
    }

    /**
     * The entries Service-Component names; a wildcard may stand in the last path segment (DS 112.4.1). Matched by
     * plain comparison, not a regular expression, with at most {@link #MAX_COMPONENT_WILDCARDS} wildcard paths, each
     * looking only at the entries of its folder.
     */
    static List<String> componentFiles(ZipFile zip, String header) {
        List<String> paths = new ArrayList<>();
        for (Clause clause : ManifestHeader.parse(header)) {
            paths.addAll(clause.paths());
            if (paths.size() > MAX_COMPONENT_FILES) {
                throw refuse("The bundle lists more than " + MAX_COMPONENT_FILES + " component descriptions.");
            }
        }
        if (paths.stream().filter(p -> p.indexOf('*') >= 0).count() > MAX_COMPONENT_WILDCARDS) {
            throw refuse("The Service-Component header has more than " + MAX_COMPONENT_WILDCARDS + " paths with a "
                    + "wildcard.");
        }
        Map<String, List<String>> byFolder = null;
        List<String> files = new ArrayList<>();
        for (String path : paths) {
            String entry = path.startsWith("/") ? path.substring(1) : path;
            int star = entry.indexOf('*');
            int slash = entry.lastIndexOf('/');
            if (star < 0) {
                files.add(entry);
            } else if (star > slash) {
                if (byFolder == null) {
                    byFolder = entriesByFolder(zip);
                }
                String glob = entry.substring(slash + 1);
                byFolder.getOrDefault(entry.substring(0, slash + 1), List.of()).stream()
                        .filter(name -> globMatches(glob, name)).sorted().forEach(files::add);
            } // a wildcard before the last segment matches nothing, as in DS
            if (files.size() > MAX_COMPONENT_FILES) {
                throw refuse("The bundle lists more than " + MAX_COMPONENT_FILES + " component descriptions.");
            }
        }
        return files;
    }

    /** @return the names of the jar's file entries by folder ({@code ""} or {@code a/b/}), names of usable length */
    private static Map<String, List<String>> entriesByFolder(ZipFile zip) {
        Map<String, List<String>> byFolder = new HashMap<>();
        zip.stream().map(ZipEntry::getName).filter(n -> n.length() <= MAX_COMPONENT_NAME && !n.endsWith("/"))
                .forEach(n -> byFolder.computeIfAbsent(n.substring(0, n.lastIndexOf('/') + 1),
                        k -> new ArrayList<>()).add(n));
        return byFolder;
    }

    /**
     * @param glob a last path segment in which {@code *} stands for any characters but '/'
     * @param path an entry's full name; only its last segment is compared
     * @return whether the segment matches: the literal parts in order, the first at its start and the last at its end
     */
    static boolean globMatches(String glob, String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String[] parts = glob.split("\\*", -1);
        if (parts.length == 1) {
            return name.equals(glob);
        }
        String first = parts[0];
        String last = parts[parts.length - 1];
        if (name.length() < first.length() + last.length() || !name.startsWith(first) || !name.endsWith(last)) {
            return false;
        }
        int at = first.length();
        int end = name.length() - last.length();
        for (int i = 1; i < parts.length - 1; i++) {
            if (parts[i].isEmpty()) {
                continue;
            }
            int found = name.indexOf(parts[i], at);
            if (found < 0 || found + parts[i].length() > end) {
                return false;
            }
            at = found + parts[i].length();
        }
        return true;
    }

    /** Adds the interfaces a component description provides; DTDs (and so external entities) are refused. */
    private static void provided(byte[] xml, String file, Set<String> services) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw refuse(file + " has a DOCTYPE; component descriptions must not.");
                    }
                    if (event == XMLStreamConstants.START_ELEMENT && "provide".equals(reader.getLocalName())) {
                        String type = strip(reader.getAttributeValue(null, "interface"));
                        if (type != null && !type.isEmpty()) {
                            services.add(type);
                        }
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw refuse(file + " is not a readable component description: " + e.getMessage());
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
