package org.carbonalliance.patentpool.impl.imports;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.carbonalliance.patentpool.api.LegalStatus;
import org.carbonalliance.patentpool.api.PatentData;
import org.carbonalliance.patentpool.api.PublicationNumber;

/**
 * Reads the bibliography of one patent document in the USPTO's ST.36-based DTDs ({@code us-patent-grant} v4.x,
 * {@code us-patent-application} v4.x) or WIPO ST.36 ({@code patent-document}), streaming with StAX: the description
 * and claims are parsed (a malformed document is refused) but not kept. Elements, by their path under the
 * bibliographic data ({@code us-bibliographic-data-grant}, {@code us-bibliographic-data-application},
 * {@code bibliographic-data}):
 * <ul>
 * <li>{@code publication-reference/document-id/country, doc-number, kind, date};</li>
 * <li>{@code application-reference/document-id/doc-number, date};</li>
 * <li>{@code priority-claims/priority-claim/date} and {@code us-related-documents/us-provisional-application/
 * document-id/date}: the earliest is the priority date (none: null);</li>
 * <li>{@code invention-title} (English or without lang), and the root's {@code abstract}: all text, whitespace
 * collapsed;</li>
 * <li>applicants ({@code us-applicant} or {@code applicant}), {@code inventor}s, {@code assignee}s (the owners): the
 * {@code orgname} (ST.36: {@code name}), or {@code first-name last-name}; applicants of app-type
 * {@code applicant-inventor} (older files) are the inventors when no inventor is named;</li>
 * <li>{@code classifications-cpc/(main-cpc|further-cpc)//classification-cpc} and
 * {@code classifications-ipcr/classification-ipcr}: section, class, subclass, main-group, subgroup as
 * {@code H01M 10/0525} (or their ST.36 {@code text}).</li>
 * </ul>
 * US numbers lose their leading zeros ({@code 07654321} is DOCDB {@code US7654321}); design, plant and reissue
 * patents ({@code D0912345}, {@code PP034567}, {@code RE049123}) are refused, as a publication number in the pool is
 * digits only. Pre-grant publications keep the USPTO's 11 digits ({@code US20200123456A1}, as Lens' display key reads).
 */
final class St36Document {

    /** Refused documents; the message is the reason. */
    static final class Invalid extends Exception {

        private static final long serialVersionUID = 1L;

        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    static final String GRANT = "us-patent-grant";
    static final String APPLICATION = "us-patent-application";
    static final String ST36 = "patent-document";

    private static final Set<String> ROOTS = Set.of(GRANT, APPLICATION, ST36);
    private static final Set<String> BIBLIOGRAPHIES = Set.of("us-bibliographic-data-grant",
            "us-bibliographic-data-application", "bibliographic-data");
    private static final Set<String> PARTIES = Set.of("us-applicant", "applicant", "inventor", "assignee");
    /** Elements whose ends separate words in a title or an abstract. */
    private static final Set<String> BLOCKS = Set.of("p", "li", "br", "heading", "entry", "row");
    private static final int MAX_LEAF = 10_000;
    private static final int MAX_TEXT = 100_000;
    private static final Pattern CLASSIFICATION_TEXT = Pattern
            .compile("([A-HY]\\d\\d[A-Z])\\s*(\\d{1,4})\\s*/\\s*(\\d{2,6})");

    private final List<String> path = new ArrayList<>();
    private final StringBuilder leaf = new StringBuilder();
    private String root;

    private String country;
    private String docNumber;
    private String kind;
    private LocalDate published;
    private boolean publicationRead;
    private String applicationNumber;
    private LocalDate filed;
    private boolean applicationRead;
    private final List<LocalDate> priorities = new ArrayList<>();

    /** The title's or the abstract's text while it is being read. */
    private StringBuilder titleText;
    private StringBuilder abstractText;
    private String title;
    private String abstractEn;

    static final int MAX_ELEMENTS = 200_000;
    static final int MAX_DEPTH = 64;
    private int elements;

    private Party party;
    private final List<String> applicants = new ArrayList<>();
    private final List<String> applicantInventors = new ArrayList<>();
    private final List<String> inventors = new ArrayList<>();
    private final List<String> owners = new ArrayList<>();

    private Classification classification;
    private final Set<String> cpc = new LinkedHashSet<>();
    private final Set<String> ipc = new LinkedHashSet<>();

    /** @return whether the root element is one this class reads (false: not read yet, or another) */
    boolean recognised() {
        return root != null && ROOTS.contains(root);
    }

    PatentData read(XMLInputFactory factory, InputStream document) throws XMLStreamException, Invalid {
        XMLStreamReader r = factory.createXMLStreamReader(document);
        try {
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT -> start(r);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text(r.getText());
                    case XMLStreamConstants.END_ELEMENT -> end(r.getLocalName());
                    default -> { } // the DTD, comments, processing instructions (<?BRFSUM ...?>)
                }
            }
        } finally {
            r.close();
        }
        if (root == null) {
            throw new Invalid("no XML element in the document");
        }
        return patent();
    }

    private void start(XMLStreamReader r) throws Invalid {
        String name = r.getLocalName();
        // A real grant has a few thousand elements; these bounds keep a hostile document from filling the memory.
        if (++elements > MAX_ELEMENTS || path.size() >= MAX_DEPTH) {
            throw new Invalid("more than " + MAX_ELEMENTS + " elements or deeper than " + MAX_DEPTH
                    + " levels: not a patent document");
        }
        path.add(name);
        leaf.setLength(0);
        if (path.size() == 1) {
            root = name;
            if (!recognised()) {
                throw new Invalid("the root element is <" + name + ">, not <" + GRANT + ">, <" + APPLICATION
                        + "> or <" + ST36 + ">");
            }
        } else if (name.equals("abstract") && path.size() == 2 && abstractEn == null && english(r)) {
            abstractText = new StringBuilder();
        } else if (name.equals("invention-title") && inBibliography() && title == null && english(r)) {
            titleText = new StringBuilder();
        } else if (PARTIES.contains(name) && inBibliography()) {
            party = new Party(name, r.getAttributeValue(null, "app-type"));
        } else if ((name.equals("classification-cpc") && path.contains("classifications-cpc"))
                || (name.equals("classification-ipcr") && path.contains("classifications-ipcr"))) {
            classification = new Classification();
        }
    }

    private void text(String text) throws Invalid {
        if (leaf.length() < MAX_LEAF) {
            leaf.append(text);
        }
        if (titleText != null) {
            titleText.append(text);
            check(titleText, "invention-title");
        }
        if (abstractText != null) {
            abstractText.append(text);
            check(abstractText, "abstract");
        }
    }

    private void end(String name) throws Invalid {
        String value = leaf.toString().strip();
        if (path.size() == 5 && endsWith("publication-reference", "document-id", name) && !publicationRead) {
            switch (name) {
                case "country" -> country = value;
                case "doc-number" -> docNumber = value;
                case "kind" -> kind = value;
                case "date" -> published = date(value, "publication-reference");
                default -> { }
            }
        } else if (path.size() == 5 && endsWith("application-reference", "document-id", name) && !applicationRead) {
            switch (name) {
                case "doc-number" -> applicationNumber = value;
                case "date" -> filed = date(value, "application-reference");
                default -> { }
            }
        } else if (name.equals("date") && (endsWith("priority-claims", "priority-claim", "date")
                || endsWith("us-provisional-application", "document-id", "date"))) {
            LocalDate priority = date(value, path.get(path.size() - 3));
            if (priority != null) {
                priorities.add(priority);
            }
        } else if (party != null) {
            party.end(name, value);
        } else if (classification != null) {
            classification.end(name, value);
        }
        if (BLOCKS.contains(name)) {
            text(" ");
        }
        switch (name) {
            case "publication-reference" -> publicationRead |= path.size() == 3 && docNumber != null;
            case "application-reference" -> applicationRead |= path.size() == 3 && applicationNumber != null;
            case "invention-title" -> {
                title = titleText == null ? title : collapse(titleText);
                titleText = null;
            }
            case "abstract" -> {
                abstractEn = abstractText == null ? abstractEn : collapse(abstractText);
                abstractText = null;
            }
            default -> { }
        }
        path.remove(path.size() - 1);
        leaf.setLength(0);
    }

    private PatentData patent() throws Invalid {
        if (docNumber == null || docNumber.isEmpty() || country == null || country.isEmpty()) {
            throw new Invalid("no <publication-reference> with a country and a doc-number");
        }
        String shown = country + " " + docNumber + (kind == null ? "" : " " + kind);
        if (!docNumber.matches("\\d+")) {
            throw new Invalid(shown + ": numbers with letters (designs, plants, reissues) are not taken");
        }
        String digits = country.equals("US") ? docNumber.replaceFirst("^0+(?=\\d)", "") : docNumber;
        Optional<PublicationNumber> number = PublicationNumber.parse(country + digits + (kind == null ? "" : kind));
        if (number.isEmpty()) {
            throw new Invalid(shown + ": not a publication number");
        }
        boolean grant = root.equals(GRANT);
        LegalStatus status = grant ? LegalStatus.GRANTED : root.equals(APPLICATION) ? LegalStatus.PENDING : null;
        return new PatentData(number.get().toString(), null, applicationNumber, filed,
                priorities.isEmpty() ? null : Collections.min(priorities), grant ? published : null, null, null,
                status, title, null, abstractEn, null, applicants, owners,
                inventors.isEmpty() ? applicantInventors : inventors, new ArrayList<>(cpc), List.of(),
                new ArrayList<>(ipc), officeLink(number.get()), null);
    }

    /**
     * @return the USPTO's Patent Public Search link for a US document ("external search" form of its quick reference
     *         guide), or null for other offices
     */
    private String officeLink(PublicationNumber number) {
        if (!number.country().equals("US") || root.equals(ST36)) {
            return null;
        }
        return "https://ppubs.uspto.gov/pubwebapp/external.html?q=(" + number.number() + ").pn.&db="
                + (root.equals(GRANT) ? "USPAT" : "US-PGPUB");
    }

    private boolean inBibliography() {
        return path.size() > 2 && BIBLIOGRAPHIES.contains(path.get(1));
    }

    /** @return whether the path ends with {@code parent/child/name} (name being the element now ending) */
    private boolean endsWith(String parent, String child, String name) {
        int n = path.size();
        return n >= 3 && path.get(n - 1).equals(name) && path.get(n - 2).equals(child)
                && path.get(n - 3).equals(parent);
    }

    private static boolean english(XMLStreamReader r) {
        String lang = r.getAttributeValue(null, "lang");
        return lang == null || lang.toLowerCase(Locale.ROOT).startsWith("en");
    }

    private static void check(StringBuilder text, String element) throws Invalid {
        if (text.length() > MAX_TEXT) {
            throw new Invalid("<" + element + "> is over " + MAX_TEXT + " characters long");
        }
    }

    private static String collapse(StringBuilder text) {
        String collapsed = text.toString().replaceAll("\\s+", " ").strip();
        return collapsed.isEmpty() ? null : collapsed;
    }

    /** @return the date, or null when {@code text} is empty */
    private static LocalDate date(String text, String element) throws Invalid {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new Invalid("<" + element + "> date is not a date (yyyyMMdd): " + LensCsv.quote(text));
        }
    }

    /** An applicant, inventor or assignee being read. */
    private final class Party {

        private final String element;
        private final boolean alsoInventor;
        private String orgname;
        private String firstName;
        private String lastName;

        Party(String element, String appType) {
            this.element = element;
            this.alsoInventor = appType != null && appType.contains("inventor");
        }

        void end(String name, String value) {
            switch (name) {
                case "orgname", "name" -> orgname = orgname == null ? value : orgname;
                case "first-name" -> firstName = value;
                case "last-name" -> lastName = value;
                default -> {
                    if (name.equals(element)) {
                        done();
                    }
                }
            }
        }

        private void done() {
            party = null;
            String shown = orgname != null && !orgname.isEmpty() ? orgname
                    : ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
            if (shown.isEmpty()) {
                return;
            }
            if (element.equals("inventor")) {
                inventors.add(shown);
            } else if (element.equals("assignee")) {
                owners.add(shown);
            } else {
                applicants.add(shown);
                if (alsoInventor) {
                    applicantInventors.add(shown);
                }
            }
        }
    }

    /** A CPC or IPC symbol being read. */
    private final class Classification {

        private String section = "";
        private String klass = "";
        private String subclass = "";
        private String mainGroup = "";
        private String subgroup = "";
        private String text;

        void end(String name, String value) {
            switch (name) {
                case "section" -> section = value;
                case "class" -> klass = value;
                case "subclass" -> subclass = value;
                case "main-group" -> mainGroup = value;
                case "subgroup" -> subgroup = value;
                case "text" -> text = value;
                case "classification-cpc", "classification-ipcr" -> done(name);
                default -> { }
            }
        }

        private void done(String name) {
            classification = null;
            String symbol = section + klass + subclass + " " + mainGroup + "/" + subgroup;
            if (text != null && (section.isEmpty() || mainGroup.isEmpty())) {
                Matcher m = CLASSIFICATION_TEXT.matcher(text);
                symbol = m.find() ? m.group(1) + " " + m.group(2) + "/" + m.group(3) : "";
            }
            if (symbol.matches("[A-HY]\\d\\d[A-Z] \\d{1,4}/\\d{2,6}")) {
                (name.equals("classification-cpc") ? cpc : ipc).add(symbol);
            }
        }
    }
}
