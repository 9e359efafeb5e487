package dev.bastion.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A section of a YAML configuration file that knows where it came from, so every error names the
 * file and the full key ({@code config/bastion.yaml: sessions[0].throttle.messages: ...}).
 */
public final class ConfigNode
{
    private final Path file;
    private final String path;
    private final JsonNode node;

    ConfigNode(final Path file, final String path, final JsonNode node)
    {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    public Path file()
    {
        return file;
    }

    public boolean has(final String key)
    {
        return node.hasNonNull(key);
    }

    public String string(final String key, final String defaultValue)
    {
        final JsonNode value = node.get(key);
        if (value == null || value.isNull())
        {
            return defaultValue;
        }
        if (!value.isValueNode())
        {
            throw error(key, "must be a single value");
        }
        return value.asText();
    }

    public String requiredString(final String key)
    {
        final String value = string(key, null);
        if (value == null || value.isBlank())
        {
            throw error(key, "required");
        }
        return value;
    }

    public int integer(final String key, final int defaultValue)
    {
        final JsonNode value = node.get(key);
        if (value == null || value.isNull())
        {
            return defaultValue;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber())
        {
            throw error(key, "must be a whole number, was '" + value.asText() + "'");
        }
        return value.intValue();
    }

    public long longInteger(final String key, final long defaultValue)
    {
        final JsonNode value = node.get(key);
        if (value == null || value.isNull())
        {
            return defaultValue;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong())
        {
            throw error(key, "must be a whole number, was '" + value.asText() + "'");
        }
        return value.longValue();
    }

    /** A decimal number (an integer is one too). */
    public double number(final String key, final double defaultValue)
    {
        final JsonNode value = node.get(key);
        if (value == null || value.isNull())
        {
            return defaultValue;
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue()))
        {
            throw error(key, "must be a number, was '" + value.asText() + "'");
        }
        return value.doubleValue();
    }

    /** A number above zero. */
    public double positiveNumber(final String key, final double defaultValue)
    {
        final double value = number(key, defaultValue);
        if (!(value > 0))
        {
            throw error(key, "must be above 0, was " + value);
        }
        return value;
    }

    /** A list of single values, empty when absent. */
    public List<String> strings(final String key)
    {
        final JsonNode value = node.get(key);
        final List<String> result = new ArrayList<>();
        if (value == null || value.isNull())
        {
            return result;
        }
        if (!value.isArray())
        {
            throw error(key, "must be a list");
        }
        for (int i = 0; i < value.size(); i++)
        {
            final JsonNode element = value.get(i);
            if (!element.isValueNode() || element.isNull() || element.asText().isBlank())
            {
                throw error(key + "[" + i + "]", "must be a single value");
            }
            result.add(element.asText());
        }
        return result;
    }

    /** The keys of this section, in file order. */
    public List<String> keys()
    {
        final List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The full key of an entry of this section, for messages. */
    public String keyPath(final String key)
    {
        return qualified(key);
    }

    public boolean bool(final String key, final boolean defaultValue)
    {
        final JsonNode value = node.get(key);
        if (value == null || value.isNull())
        {
            return defaultValue;
        }
        if (!value.isBoolean())
        {
            throw error(key, "must be true or false, was '" + value.asText() + "'");
        }
        return value.booleanValue();
    }

    /** A nested section, or null when absent. */
    public ConfigNode section(final String key)
    {
        final JsonNode value = node.get(key);
        if (value == null || value.isNull())
        {
            return null;
        }
        if (!value.isObject())
        {
            throw error(key, "must be a section of key: value pairs");
        }
        return new ConfigNode(file, qualified(key), value);
    }

    /** The sections of a list, empty when absent. */
    public List<ConfigNode> sections(final String key)
    {
        final JsonNode value = node.get(key);
        final List<ConfigNode> result = new ArrayList<>();
        if (value == null || value.isNull())
        {
            return result;
        }
        if (!value.isArray())
        {
            throw error(key, "must be a list");
        }
        for (int i = 0; i < value.size(); i++)
        {
            final JsonNode element = value.get(i);
            final String elementPath = qualified(key) + "[" + i + "]";
            if (!element.isObject())
            {
                throw new ConfigurationException(file + ": " + elementPath + ": must be a section of key: value pairs");
            }
            result.add(new ConfigNode(file, elementPath, element));
        }
        return result;
    }

    /** Refuses keys this section does not know: a misspelt key must not silently fall back to a default. */
    public void rejectUnknownKeys(final Set<String> known)
    {
        final Iterator<String> names = node.fieldNames();
        while (names.hasNext())
        {
            final String name = names.next();
            if (!known.contains(name))
            {
                throw error(name, "unknown key (known keys: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    public ConfigurationException error(final String key, final String problem)
    {
        return new ConfigurationException(file + ": " + qualified(key) + ": " + problem);
    }

    private String qualified(final String key)
    {
        return path.isEmpty() ? key : path + "." + key;
    }
}
