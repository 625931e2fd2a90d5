package com.bensbot.trading.trading;

import com.bensbot.trading.broker.Account;
import com.bensbot.trading.broker.AlpacaClient;
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

    public void cancel(String rawId, Caller caller) {
        String id = checkedId(rawId);
        Optional<Order> order = isUuid(id) ? Optional.empty() : client.orderByClientOrderId(id);
        String brokerId = isUuid(id) ? id : order.map(Order::id).orElse(null);
        try {
            if (brokerId == null || !client.cancelOrder(brokerId)) {
                audit.cancel(caller, id, "not-found", null);
                throw notFound(id);
            }
        } catch (BrokerRejectedException e) {
            audit.cancel(caller, id, "rejected", e.detail());
            throw e;
        }
        audit.cancel(caller, id, "accepted", brokerId.equals(id) ? null : "broker order " + brokerId);
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
