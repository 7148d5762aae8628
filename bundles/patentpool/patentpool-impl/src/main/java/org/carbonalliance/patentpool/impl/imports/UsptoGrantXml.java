package org.carbonalliance.patentpool.impl.imports;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import org.carbonalliance.patentpool.api.PatentSource;

/**
 * Import format {@code st36-xml}: USPTO bulk full-text XML, such as the weekly grant files {@code ipgYYMMDD.xml}
 * ({@code us-patent-grant}, DTD v4.x) and application files {@code ipaYYMMDD.xml} ({@code us-patent-application}), in
 * which many complete documents follow one another, each with its own {@code <?xml?>} declaration and DOCTYPE; also
 * single WIPO ST.36 {@code patent-document}s. Each document is one item (the first is 1); what is read from it is in
 * {@link St36Document}. A grant is taken as granted (its publication date the grant date), an application as pending.
 * <p>
 * The file is streamed, document by document ({@link XmlDocumentSplitter}); a malformed document, one without a
 * publication number, or a design, plant or reissue patent is rejected and reading goes on with the next one. A file
 * whose first document is not XML, or not one of these, fails the import.
 * <p>
 * Security: the parser is the JDK's own StAX (whatever else is deployed), with DTDs off: the DOCTYPE's DTD is never
 * fetched, and no entity is declared, so a document referring to one ({@code &xxe;}, billion laughs) is rejected
 * rather than expanded. External access and resolving are refused besides.
 */
public final class UsptoGrantXml implements PatentSource {

    @Override
    public String format() {
        return "st36-xml";
    }

    @Override
    public String description() {
        return "USPTO full-text XML (us-patent-grant / us-patent-application, many documents in one file, "
                + "as the weekly bulk files), or WIPO ST.36 patent-document";
    }

    @Override
    public void read(InputStream in, Sink sink) throws IOException {
        XMLInputFactory factory = secureFactory();
        XmlDocumentSplitter documents = new XmlDocumentSplitter(in);
        long item = 0;
        for (InputStream document = documents.next(); document != null; document = documents.next()) {
            item++;
            St36Document parsed = new St36Document();
            boolean more;
            try {
                more = sink.accept(item, parsed.read(factory, document));
            } catch (XMLStreamException | St36Document.Invalid e) {
                if (documents.failure() != null) {
                    throw documents.failure();
                }
                if (item == 1 && !parsed.recognised()) {
                    throw new IOException("not a USPTO or WIPO ST.36 XML file: " + reason(e), e);
                }
                more = sink.reject(item, reason(e));
            }
            if (!more) {
                return;
            }
        }
        if (item == 0) {
            throw new IOException("not a USPTO or WIPO ST.36 XML file: the file is empty");
        }
    }

    static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not read: " + systemId);
        });
        return factory;
    }

    /** @return the reason for people: the parser's message without its own location prefix, and the line */
    private static String reason(Exception e) {
        if (!(e instanceof XMLStreamException)) {
            return e.getMessage();
        }
        String message = String.valueOf(e.getMessage());
        int cut = message.indexOf("Message: ");
        message = (cut >= 0 ? message.substring(cut + "Message: ".length()) : message).replaceAll("\\s+", " ").strip();
        Location where = ((XMLStreamException) e).getLocation();
        return "malformed XML" + (where == null || where.getLineNumber() < 0 ? "" : " at line " + where.getLineNumber()
                + " of the document") + ": " + message;
    }
}
