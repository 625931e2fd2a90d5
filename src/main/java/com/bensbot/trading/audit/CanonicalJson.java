package com.bensbot.trading.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Audit details as canonical JSON: object keys sorted (by UTF-16 code units), no whitespace, strings escaped as
 * RFC 8785 (JCS) does. Values are limited to what writes the same way in every JSON library, so anyone can
 * rebuild the hashed text from a record served as JSON: strings, booleans, null, whole numbers within ±(2^53−1),
 * lists and objects. Decimals ({@link BigDecimal}) are written as plain decimal strings, larger whole numbers as
 * strings, enums by name, UUIDs and instants by {@code toString()}; floating-point values are refused.
 */
public final class CanonicalJson {
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    private static final ObjectReader READER = new ObjectMapper()
            .readerFor(new TypeReference<LinkedHashMap<String, Object>>() { });

    private CanonicalJson() {
    }

    /** The canonical text of {@code object}; IllegalArgumentException for a value type it does not write. */
    public static String write(Map<String, ?> object) {
        StringBuilder out = new StringBuilder();
        writeValue(out, object, "details");
        return out.toString();
    }

    /** A JSON object's text back as a map (key order kept). */
    public static Map<String, Object> parse(String text) throws JsonProcessingException {
        return READER.readValue(text);
    }

    private static void writeValue(StringBuilder out, Object value, String path) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            writeObject(out, map, path);
        } else if (value instanceof Collection<?> list) {
            writeArray(out, list, path);
        } else if (value instanceof CharSequence || value instanceof Character) {
            writeString(out, value.toString());
        } else if (value instanceof Boolean bool) {
            out.append(bool);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            writeInteger(out, BigInteger.valueOf(((Number) value).longValue()));
        } else if (value instanceof BigInteger big) {
            writeInteger(out, big);
        } else if (value instanceof BigDecimal decimal) {
            writeString(out, decimal.toPlainString());
        } else if (value instanceof Enum<?> constant) {
            writeString(out, constant.name());
        } else if (value instanceof UUID || value instanceof Instant) {
            writeString(out, value.toString());
        } else {
            throw new IllegalArgumentException("Audit " + path + ": values of type " + value.getClass().getName()
                    + " are not allowed; use a string, whole number, boolean, BigDecimal, list or map");
        }
    }

    private static void writeObject(StringBuilder out, Map<?, ?> map, String path) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("Audit " + path + ": keys must be strings");
            }
            sorted.put(key, entry.getValue());
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(out, entry.getKey());
            out.append(':');
            writeValue(out, entry.getValue(), path + "." + entry.getKey());
        }
        out.append('}');
    }

    private static void writeArray(StringBuilder out, Collection<?> list, String path) {
        out.append('[');
        boolean first = true;
        for (Object item : list) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeValue(out, item, path + "[]");
        }
        out.append(']');
    }

    private static void writeInteger(StringBuilder out, BigInteger value) {
        if (value.abs().compareTo(BigInteger.valueOf(MAX_SAFE_INTEGER)) <= 0) {
            out.append(value);
        } else {
            // JCS writes numbers as IEEE doubles; beyond 2^53 that would lose digits, so keep them as text.
            writeString(out, value.toString());
        }
    }

    private static void writeString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(value, i)) {
                        // A lone surrogate has no UTF-8 form; escaping keeps stored and hashed text identical.
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
        }
        return false;
    }
}
