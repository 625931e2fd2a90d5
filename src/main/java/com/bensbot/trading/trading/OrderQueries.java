package com.bensbot.trading.trading;

import com.bensbot.trading.broker.Account;
import com.bensbot.trading.broker.AlpacaClient;
import com.bensbot.trading.broker.BrokerException;
import com.bensbot.trading.broker.BrokerRejectedException;
import com.bensbot.trading.broker.Order;
import com.bensbot.trading.broker.Position;
import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.ProblemType;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reading and cancelling orders, the account and positions. Cancels are always allowed and audited. */
public final class OrderQueries {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Set<String> STATUSES = Set.of("open", "closed", "all");
    public static final int MAX_PAGE = 500;

    private final AlpacaClient client;
    private final OrderAudit audit;

    public OrderQueries(AlpacaClient client, OrderAudit audit) {
        this.client = client;
        this.audit = audit;
    }

    public Account account() {
        return client.account();
    }

    public List<Position> positions() {
        return client.positions();
    }

    public List<Order> orders(String status, int limit) {
        String wanted = status == null || status.isEmpty() ? "open" : status;
        if (!STATUSES.contains(wanted)) {
            throw ProblemException.invalidParameter("'status' must be open, closed or all");
        }
        return client.orders(wanted, limit);
    }

    /** A UUID is a broker id, anything else a client_order_id. */
    public Order order(String id) {
        return find(checkedId(id)).orElseThrow(() -> notFound(id));
    }

    /**
     * Cancels an order by broker id or client_order_id. Every call leaves exactly one audit record: accepted,
     * not-found, rejected (bad id or the broker's refusal), failed (the cancel certainly did not happen) or unknown
     * (the cancel was sent and its answer lost: the order may be cancelled).
     */
    public void cancel(String rawId, Caller caller) {
        String id;
        try {
            id = checkedId(rawId);
        } catch (ProblemException invalid) {
            audit.cancel(caller, excerpt(rawId), "rejected", invalid.detail());
            throw invalid;
        }
        boolean cancelSent = false;
        String brokerId = null;
        try {
            brokerId = isUuid(id) ? id : client.orderByClientOrderId(id).map(Order::id).orElse(null);
            if (brokerId != null) {
                cancelSent = true;
                if (!client.cancelOrder(brokerId)) {
                    brokerId = null;
                }
            }
        } catch (BrokerRejectedException e) {
            audit.cancel(caller, id, "rejected", e.detail());
            throw e;
        } catch (BrokerException e) {
            audit.cancel(caller, id, cancelSent && e.anyAttemptMayHaveReachedBroker() ? "unknown" : "failed", e.detail());
            throw e;
        }
        if (brokerId == null) {
            audit.cancel(caller, id, "not-found", null);
            throw notFound(id);
        }
        audit.cancel(caller, id, "accepted", brokerId.equals(id) ? null : "broker order " + brokerId);
    }

    private static String excerpt(String rawId) {
        String text = String.valueOf(rawId);
        return text.length() > 128 ? text.substring(0, 128) + "…" : text;
    }

    private Optional<Order> find(String id) {
        return isUuid(id) ? client.order(id) : client.orderByClientOrderId(id);
    }

    private static String checkedId(String id) {
        if (id == null || !OrderShape.CLIENT_ORDER_ID.matcher(id).matches()) {
            throw ProblemException.invalidParameter(
                    "An order id is a broker UUID or a client_order_id of 1–128 characters of A–Z, a–z, 0–9, '.', '_', ':' and '-'");
        }
        return id;
    }

    private static boolean isUuid(String id) {
        return UUID.matcher(id).matches();
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(ProblemType.ORDER_NOT_FOUND, "No order " + id);
    }
}
