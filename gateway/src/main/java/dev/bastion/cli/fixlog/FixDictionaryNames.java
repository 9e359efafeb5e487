package dev.bastion.cli.fixlog;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Tag names, message names and enum meanings from one of Bastion's QuickFIX-format dictionaries
 * (the same XML the codecs are generated from, on the classpath under {@code dev/bastion/fix/}).
 */
public final class FixDictionaryNames
{
    private static final Map<String, FixDictionaryNames> BY_BEGIN_STRING = new HashMap<>();

    private final Map<Integer, String> fieldNames = new HashMap<>();
    private final Map<String, String> enumMeanings = new HashMap<>();
    private final Map<String, String> messageNames = new HashMap<>();

    private FixDictionaryNames(final Document document)
    {
        final NodeList fields = ((Element)document.getElementsByTagName("fields").item(0)).getElementsByTagName("field");
        for (int i = 0; i < fields.getLength(); i++)
        {
            final Element field = (Element)fields.item(i);
            final String number = field.getAttribute("number");
            fieldNames.put(Integer.valueOf(number), field.getAttribute("name"));
            final NodeList values = field.getElementsByTagName("value");
            for (int v = 0; v < values.getLength(); v++)
            {
                final Element value = (Element)values.item(v);
                enumMeanings.put(number + "=" + value.getAttribute("enum"), value.getAttribute("description"));
            }
        }
        final NodeList messages = document.getElementsByTagName("message");
        for (int i = 0; i < messages.getLength(); i++)
        {
            final Element message = (Element)messages.item(i);
            messageNames.put(message.getAttribute("msgtype"), message.getAttribute("name"));
        }
    }

    /** The dictionary for a BeginString (FIX.4.2 or FIX.4.4); FIX.4.4's for any other. */
    public static synchronized FixDictionaryNames forBeginString(final String beginString)
    {
        final String file = "FIX.4.2".equals(beginString) ? "FIX42.xml" : "FIX44.xml";
        return BY_BEGIN_STRING.computeIfAbsent(file, FixDictionaryNames::load);
    }

    private static FixDictionaryNames load(final String file)
    {
        final String resource = "dev/bastion/fix/" + file;
        try (InputStream in = FixDictionaryNames.class.getClassLoader().getResourceAsStream(resource))
        {
            if (in == null)
            {
                throw new IllegalStateException("dictionary " + resource + " is not on the classpath");
            }
            final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return new FixDictionaryNames(factory.newDocumentBuilder().parse(in));
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("cannot read dictionary " + resource + ": " + ex.getMessage(), ex);
        }
    }

    /** The field's name, or its number as text for a tag the dictionary does not know. */
    public String fieldName(final int tag)
    {
        final String name = fieldNames.get(tag);
        return name != null ? name : Integer.toString(tag);
    }

    /** What an enumerated value means (e.g. 54=1 → BUY), or null. */
    public String meaning(final int tag, final String value)
    {
        return enumMeanings.get(tag + "=" + value);
    }

    /** The message's name (e.g. D → NewOrderSingle), or null. */
    public String messageName(final String msgType)
    {
        return messageNames.get(msgType);
    }
}
