package com.bensbot.trading.trading;

import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.ProblemType;
import com.bensbot.trading.http.Violation;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Layer 1 (CONTRACT §6): the body must be a JSON object of Alpaca's order fields with the right types (else 400
 * malformed-request) and a coherent order (else 422 validation-failed), every problem named in {@code violations}.
 */
public final class OrderShape {
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
    static final int MAX_SCALE = 9;
    private static final Set<String> FIELDS = Set.of("symbol", "qty", "notional", "side", "type", "time_in_force",
            "limit_price", "stop_price", "client_order_id");
    private static final Set<String> SIDES = Set.of("buy", "sell");
    private static final Set<String> TYPES = Set.of("market", "limit", "stop", "stop_limit");
    private static final Set<String> TIMES_IN_FORCE = Set.of("day", "gtc", "opg", "cls", "ioc", "fok");
    /** As {@code MarketParams.symbol}: not dots alone, which would be a dot-segment in the broker's asset path. */
    private static final Pattern SYMBOL = Pattern.compile("(?!\\.+$)[A-Za-z0-9.-]{1,16}");
    private static final Pattern DECIMAL_TEXT = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,20})?");
    static final Pattern CLIENT_ORDER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final int MAX_REPORTED_UNKNOWN_FIELDS = 10;

    private final ObjectMapper mapper;

    public OrderShape(ObjectMapper base) {
        this.mapper = base.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Thrown for a refused shape; carries the layer for the audit record. */
    public OrderRequest parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw malformed("The body is empty; send the order as a JSON object", null);
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException e) {
            throw malformed("The body is not valid JSON", null);
        } catch (IOException e) {
            throw malformed("The body could not be read", null);
        }
        if (root == null || !root.isObject()) {
            throw malformed("The body must be a JSON object", null);
        }
        Fields fields = new Fields(root);
        String symbol = fields.text("symbol");
        BigDecimal qty = fields.decimal("qty");
        BigDecimal notional = fields.decimal("notional");
        String side = fields.choice("side", SIDES);
        String type = fields.choice("type", TYPES);
        String timeInForce = fields.choice("time_in_force", TIMES_IN_FORCE);
        BigDecimal limitPrice = fields.decimal("limit_price");
        BigDecimal stopPrice = fields.decimal("stop_price");
        String clientOrderId = fields.text("client_order_id");
        fields.rejectUnknown();
        if (!fields.typeErrors.isEmpty()) {
            throw malformed("A field has the wrong JSON type", fields.typeErrors);
        }

        List<Violation> violations = fields.violations;
        if (symbol == null) {
            violations.add(new Violation("symbol", "is required"));
        } else if (!SYMBOL.matcher(symbol).matches()) {
            violations.add(new Violation("symbol", "must be 1–16 characters of A–Z, 0–9, '.' and '-', not dots alone"));
        }
        if (qty == null && notional == null && !fields.failed("qty") && !fields.failed("notional")) {
            violations.add(new Violation("qty", "exactly one of qty and notional is required"));
        } else if (qty != null && notional != null) {
            violations.add(new Violation("notional", "exactly one of qty and notional is allowed"));
        }
        requirePresent(fields, side, "side", "must be buy or sell", violations);
        requirePresent(fields, type, "type", "must be market, limit, stop or stop_limit", violations);
        requirePresent(fields, timeInForce, "time_in_force", "must be day, gtc, opg, cls, ioc or fok", violations);
        if (type != null) {
            boolean needsLimit = type.equals("limit") || type.equals("stop_limit");
            boolean needsStop = type.equals("stop") || type.equals("stop_limit");
            priceRule(fields, "limit_price", limitPrice, needsLimit, type, violations);
            priceRule(fields, "stop_price", stopPrice, needsStop, type, violations);
            if (notional != null && !type.equals("market")) {
                violations.add(new Violation("notional", "is only allowed with type market"));
            }
        }
        if (clientOrderId != null && !CLIENT_ORDER_ID.matcher(clientOrderId).matches()) {
            violations.add(new Violation("client_order_id", "must be 1–128 characters of A–Z, a–z, 0–9, '.', '_', ':' and '-'"));
        }
        if (!violations.isEmpty()) {
            throw new OrderRefusedException(OrderLayer.SHAPE, ProblemType.VALIDATION_FAILED,
                    "The order is not valid: " + violations.get(0).field() + " " + violations.get(0).message(),
                    violations);
        }
        return new OrderRequest(symbol.toUpperCase(Locale.ROOT), qty, notional, side, type, timeInForce, limitPrice,
                stopPrice, clientOrderId);
    }

    private static void requirePresent(Fields fields, String value, String field, String message,
                                       List<Violation> violations) {
        if (value == null && !fields.failed(field)) {
            violations.add(new Violation(field, "is required; " + message));
        }
    }

    private static void priceRule(Fields fields, String field, BigDecimal value, boolean needed, String type,
                                  List<Violation> violations) {
        if (needed && value == null && !fields.failed(field)) {
            violations.add(new Violation(field, "is required for type " + type));
        } else if (!needed && value != null) {
            violations.add(new Violation(field, "is not allowed for type " + type));
        }
    }

    private static OrderRefusedException malformed(String detail, List<Violation> violations) {
        return new OrderRefusedException(OrderLayer.SHAPE, ProblemType.MALFORMED_REQUEST, detail, violations);
    }

    /** Reads fields of the body, collecting wrong JSON types and invalid values. */
    private static final class Fields {
        private final JsonNode root;
        private final List<Violation> typeErrors = new ArrayList<>();
        private final List<Violation> violations = new ArrayList<>();
        private final Set<String> failed = new java.util.HashSet<>();

        Fields(JsonNode root) {
            this.root = root;
        }

        boolean failed(String field) {
            return failed.contains(field);
        }

        private JsonNode present(String field) {
            JsonNode node = root.get(field);
            return node == null || node.isNull() ? null : node;
        }

        String text(String field) {
            JsonNode node = present(field);
            if (node == null) {
                return null;
            }
            if (!node.isTextual()) {
                typeError(field, "must be a string");
                return null;
            }
            return node.asText();
        }

        String choice(String field, Set<String> allowed) {
            String value = text(field);
            if (value == null) {
                return null;
            }
            String lower = value.toLowerCase(Locale.ROOT);
            if (!allowed.contains(lower)) {
                failed.add(field);
                violations.add(new Violation(field, "must be one of " + String.join(", ", new java.util.TreeSet<>(allowed))));
                return null;
            }
            return lower;
        }

        BigDecimal decimal(String field) {
            JsonNode node = present(field);
            if (node == null) {
                return null;
            }
            BigDecimal value;
            if (node.isNumber()) {
                value = node.decimalValue();
            } else if (node.isTextual()) {
                String text = node.asText().trim();
                if (!DECIMAL_TEXT.matcher(text).matches()) {
                    return invalid(field, "must be a positive decimal number such as \"1.5\"");
                }
                value = new BigDecimal(text);
            } else {
                typeError(field, "must be a decimal string or number");
                return null;
            }
            if (value.signum() <= 0) {
                return invalid(field, "must be greater than 0");
            }
            if (value.compareTo(MAX_AMOUNT) > 0) {
                return invalid(field, "must not exceed " + MAX_AMOUNT.toPlainString());
            }
            if (value.stripTrailingZeros().scale() > MAX_SCALE) {
                return invalid(field, "must have at most " + MAX_SCALE + " decimal places");
            }
            return value;
        }

        void rejectUnknown() {
            int reported = 0;
            for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    if (reported++ == MAX_REPORTED_UNKNOWN_FIELDS) {
                        violations.add(new Violation("(more)", "further unknown fields not listed"));
                        return;
                    }
                    violations.add(new Violation(shorten(name), "is not a known order field"));
                }
            }
        }

        private BigDecimal invalid(String field, String message) {
            failed.add(field);
            violations.add(new Violation(field, message));
            return null;
        }

        private void typeError(String field, String message) {
            failed.add(field);
            typeErrors.add(new Violation(field, message));
        }

        private static String shorten(String name) {
            String safe = name.replaceAll("[^\\x20-\\x7E]", "?");
            return safe.length() > 64 ? safe.substring(0, 64) + "…" : safe;
        }
    }
}
