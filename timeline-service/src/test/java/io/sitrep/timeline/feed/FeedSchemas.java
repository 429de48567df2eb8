package io.sitrep.timeline.feed;

import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;

/** The committed schemas the feeds are checked against: Atom 1.0 (RFC 4287) and RSS 2.0, under test resources feeds/. */
final class FeedSchemas {

    static final Schema ATOM = load("/feeds/atom.xsd");
    static final Schema RSS = load("/feeds/rss-2.0.xsd");

    private FeedSchemas() {
    }

    /** Fails with the validator's finding when {@code xml} is not valid against {@code schema}. */
    static void assertValid(Schema schema, String xml) {
        try {
            schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new AssertionError("not valid against its schema: " + e.getMessage() + "\n" + xml, e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Schema load(String resource) {
        URL url = FeedSchemas.class.getResource(resource);
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // The schemas are self-contained: nothing is fetched.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory.newSchema(url);
        } catch (SAXException e) {
            throw new IllegalStateException("could not read " + resource, e);
        }
    }
}
