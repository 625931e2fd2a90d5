package com.bensbot.trading.broker.sim;

import com.bensbot.trading.broker.sim.OrderRequest.OrderType;
import com.bensbot.trading.broker.sim.OrderRequest.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The simulated brokerage account: cash, long positions and orders. One lock guards it all, so
 * every order sees and leaves a consistent account.
 */
final class SimAccount {

    static final BigDecimal STARTING_CASH = new BigDecimal("100000");
    /** Closed orders beyond this many are forgotten, oldest first, so a long benchmark cannot exhaust memory. */
    static final int MAX_ORDERS_KEPT = 100_000;

    /** Which orders a listing wants. */
    enum OrderState {
        OPEN(SimOrder::isOpen),
        CLOSED(order -> !order.isOpen()),
        ALL(order -> true);

        private final Predicate<SimOrder> test;

        OrderState(Predicate<SimOrder> test) {
            this.test = test;
        }
    }

    /** A position with the part of it not set aside for open sell orders. */
    record Holding(SimPosition position, BigDecimal qtyAvailable) {
    }

    /** A consistent view of cash and holdings. */
    record Snapshot(BigDecimal cash, BigDecimal buyingPower, List<Holding> holdings) {
    }

    private final Object lock = new Object();
    private final Clock clock;
    private BigDecimal cash = STARTING_CASH;
    private final Map<String, SimPosition> positions = new TreeMap<>();
    private final Map<UUID, SimOrder> orders = new LinkedHashMap<>();
    private final Map<UUID, SimOrder> openOrders = new LinkedHashMap<>();
    private final Map<String, UUID> orderIdsByClientOrderId = new HashMap<>();

    SimAccount(Clock clock) {
        this.clock = clock;
    }

    /**
     * Accepts an order and fills it at once when marketable, at the quote's ask (buy) or bid (sell).
     *
     * @throws SimApiException 422 for a reused client_order_id, 403 for too little cash or shares
     */
    SimOrder submit(OrderRequest request, SimAsset asset, SimQuote quote) {
        synchronized (lock) {
            if (request.clientOrderId() != null && orderIdsByClientOrderId.containsKey(request.clientOrderId())) {
                throw SimApiException.unprocessable("client_order_id must be unique");
            }
            boolean buy = request.side() == Side.BUY;
            BigDecimal fillPrice = buy ? quote.askPrice() : quote.bidPrice();
            BigDecimal qty = request.qty() != null
                    ? request.qty()
                    : request.notional().divide(fillPrice, OrderRequest.MAX_QTY_DECIMALS, RoundingMode.DOWN);
            if (qty.signum() <= 0) {
                throw SimApiException.unprocessable("notional is too small to buy any share fraction");
            }
            if (buy) {
                checkBuyingPower(request, qty, fillPrice);
            } else {
                checkSellableQty(asset, qty);
            }
            Instant now = clock.instant();
            String clientOrderId = request.clientOrderId() != null ? request.clientOrderId() : UUID.randomUUID().toString();
            SimOrder order = SimOrder.accepted(clientOrderId, asset, request, now);
            if (isMarketable(request, quote)) {
                order = fill(order, qty, fillPrice, now);
            } else if (request.timeInForce().equals("ioc") || request.timeInForce().equals("fok")) {
                order = order.canceled(now);
            }
            store(order);
            orderIdsByClientOrderId.put(clientOrderId, order.id());
            forgetOldestClosedOrders();
            return order;
        }
    }

    /**
     * Cancels an open order.
     *
     * @throws SimApiException 404 for an unknown order, 422 for one already filled or canceled
     */
    SimOrder cancel(UUID id) {
        synchronized (lock) {
            SimOrder order = orders.get(id);
            if (order == null) {
                throw SimApiException.notFound("order not found");
            }
            if (!order.isOpen()) {
                throw new SimApiException(422, SimApiException.CODE_NOT_CANCELABLE, "order is not cancelable");
            }
            SimOrder canceled = order.canceled(clock.instant());
            store(canceled);
            return canceled;
        }
    }

    List<SimOrder> cancelAllOpen() {
        synchronized (lock) {
            Instant now = clock.instant();
            List<SimOrder> canceled = new ArrayList<>();
            for (SimOrder order : List.copyOf(openOrders.values())) {
                SimOrder done = order.canceled(now);
                store(done);
                canceled.add(done);
            }
            return canceled;
        }
    }

    Optional<SimOrder> order(UUID id) {
        synchronized (lock) {
            return Optional.ofNullable(orders.get(id));
        }
    }

    Optional<SimOrder> orderByClientOrderId(String clientOrderId) {
        synchronized (lock) {
            return Optional.ofNullable(orderIdsByClientOrderId.get(clientOrderId)).map(orders::get);
        }
    }

    /** Orders in submission order ({@code descending}: newest first); empty {@code symbols} means all. */
    List<SimOrder> orders(OrderState state, Set<String> symbols, int limit, boolean descending) {
        List<SimOrder> matching = new ArrayList<>();
        synchronized (lock) {
            for (SimOrder order : orders.values()) {
                if (state.test.test(order) && (symbols.isEmpty() || symbols.contains(order.asset().symbol()))) {
                    matching.add(order);
                }
            }
        }
        if (descending) {
            Collections.reverse(matching);
        }
        return List.copyOf(matching.subList(0, Math.min(limit, matching.size())));
    }

    Snapshot snapshot() {
        synchronized (lock) {
            List<Holding> holdings = new ArrayList<>();
            for (SimPosition position : positions.values()) {
                holdings.add(new Holding(position, position.qty().subtract(reservedQty(position.asset()))));
            }
            return new Snapshot(cash, buyingPower(), List.copyOf(holdings));
        }
    }

    private void checkBuyingPower(OrderRequest request, BigDecimal qty, BigDecimal ask) {
        BigDecimal needed = switch (request.type()) {
            case MARKET -> request.notional() != null ? request.notional() : qty.multiply(ask);
            case LIMIT, STOP_LIMIT -> qty.multiply(request.limitPrice());
            case STOP -> qty.multiply(request.stopPrice());
        };
        if (needed.compareTo(buyingPower()) > 0) {
            throw SimApiException.forbidden("insufficient buying power");
        }
    }

    private void checkSellableQty(SimAsset asset, BigDecimal qty) {
        SimPosition position = positions.get(asset.symbol());
        BigDecimal held = position == null ? BigDecimal.ZERO : position.qty();
        BigDecimal available = held.subtract(reservedQty(asset));
        if (qty.compareTo(available) > 0) {
            throw SimApiException.forbidden("insufficient qty available for order (requested: "
                    + SimJson.decimal(qty) + ", available: " + SimJson.decimal(available) + ")");
        }
    }

    private static boolean isMarketable(OrderRequest request, SimQuote quote) {
        if (request.type() == OrderType.MARKET) {
            return true;
        }
        if (request.type() != OrderType.LIMIT) {
            return false;
        }
        return request.side() == Side.BUY
                ? request.limitPrice().compareTo(quote.askPrice()) >= 0
                : request.limitPrice().compareTo(quote.bidPrice()) <= 0;
    }

    private SimOrder fill(SimOrder order, BigDecimal qty, BigDecimal price, Instant at) {
        BigDecimal amount = qty.multiply(price).setScale(2, RoundingMode.HALF_UP);
        String symbol = order.asset().symbol();
        if (order.isBuy()) {
            cash = cash.subtract(amount);
            SimPosition held = positions.getOrDefault(symbol, new SimPosition(order.asset(), BigDecimal.ZERO, BigDecimal.ZERO));
            positions.put(symbol, held.bought(qty, amount));
        } else {
            cash = cash.add(amount);
            SimPosition left = positions.get(symbol).sold(qty);
            if (left.qty().signum() == 0) {
                positions.remove(symbol);
            } else {
                positions.put(symbol, left);
            }
        }
        return order.filled(qty, price, at);
    }

    private void store(SimOrder order) {
        orders.put(order.id(), order);
        if (order.isOpen()) {
            openOrders.put(order.id(), order);
        } else {
            openOrders.remove(order.id());
        }
    }

    private void forgetOldestClosedOrders() {
        Iterator<SimOrder> oldestFirst = orders.values().iterator();
        while (orders.size() > MAX_ORDERS_KEPT && oldestFirst.hasNext()) {
            SimOrder order = oldestFirst.next();
            if (!order.isOpen()) {
                oldestFirst.remove();
                orderIdsByClientOrderId.remove(order.clientOrderId());
            }
        }
    }

    private BigDecimal buyingPower() {
        BigDecimal reserved = openOrders.values().stream()
                .map(SimOrder::reservedCash)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return cash.subtract(reserved).max(BigDecimal.ZERO);
    }

    private BigDecimal reservedQty(SimAsset asset) {
        return openOrders.values().stream()
                .filter(order -> order.asset().equals(asset))
                .map(SimOrder::reservedQty)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
