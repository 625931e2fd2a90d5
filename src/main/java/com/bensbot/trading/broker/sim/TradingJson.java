package com.bensbot.trading.broker.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Alpaca trading v2 objects: decimals as strings, absent values as JSON null, times RFC 3339. */
final class TradingJson {

    private static final String ASSET_CLASS = "us_equity";
    private static final String ZERO = "0";

    /** The account's fixed identity. */
    record AccountIdentity(UUID id, String accountNumber, Instant createdAt) {
    }

    private TradingJson() {
    }

    static ObjectNode order(SimOrder order) {
        OrderRequest request = order.request();
        ObjectNode node = SimJson.object();
        node.put("id", order.id().toString());
        node.put("client_order_id", order.clientOrderId());
        node.put("created_at", SimJson.utc(order.submittedAt()));
        node.put("updated_at", SimJson.utc(order.updatedAt()));
        node.put("submitted_at", SimJson.utc(order.submittedAt()));
        node.put("filled_at", SimJson.utc(order.filledAt()));
        node.putNull("expired_at");
        node.put("canceled_at", SimJson.utc(order.canceledAt()));
        node.putNull("failed_at");
        node.putNull("replaced_at");
        node.putNull("replaced_by");
        node.putNull("replaces");
        node.put("asset_id", order.asset().id().toString());
        node.put("symbol", order.asset().symbol());
        node.put("asset_class", ASSET_CLASS);
        node.put("notional", SimJson.decimal(request.notional()));
        node.put("qty", SimJson.decimal(request.qty()));
        node.put("filled_qty", SimJson.decimal(order.filledQty()));
        node.put("filled_avg_price", SimJson.decimal(order.filledAvgPrice()));
        node.put("order_class", "");
        node.put("order_type", request.type().wire());
        node.put("type", request.type().wire());
        node.put("side", request.side().wire());
        node.put("position_intent", order.isBuy() ? "buy_to_open" : "sell_to_close");
        node.put("time_in_force", request.timeInForce());
        node.put("limit_price", SimJson.decimal(request.limitPrice()));
        node.put("stop_price", SimJson.decimal(request.stopPrice()));
        node.put("status", order.status().wire());
        node.put("extended_hours", request.extendedHours());
        node.putNull("legs");
        node.putNull("trail_percent");
        node.putNull("trail_price");
        node.putNull("hwm");
        node.putNull("subtag");
        node.putNull("source");
        node.putNull("expires_at");
        return node;
    }

    static ObjectNode position(PositionValue value) {
        SimPosition position = value.position();
        SimAsset asset = position.asset();
        ObjectNode node = SimJson.object();
        node.put("asset_id", asset.id().toString());
        node.put("symbol", asset.symbol());
        node.put("exchange", asset.exchange().name());
        node.put("asset_class", ASSET_CLASS);
        node.put("asset_marginable", true);
        node.put("qty", SimJson.decimal(position.qty()));
        node.put("avg_entry_price", SimJson.decimal(position.averageEntryPrice()));
        node.put("side", "long");
        node.put("market_value", SimJson.decimal(value.marketValue()));
        node.put("cost_basis", SimJson.decimal(position.costBasis()));
        node.put("unrealized_pl", SimJson.decimal(value.unrealizedPl()));
        node.put("unrealized_plpc", SimJson.decimal(value.unrealizedPlPercent()));
        node.put("current_price", SimJson.decimal(value.currentPrice()));
        node.put("lastday_price", SimJson.decimal(value.lastdayPrice()));
        node.put("change_today", SimJson.decimal(value.changeToday()));
        node.put("qty_available", SimJson.decimal(value.holding().qtyAvailable()));
        return node;
    }

    /** A cash account (multiplier 1): buying power is cash not set aside for open buy orders. */
    static ObjectNode account(AccountIdentity identity, SimAccount.Snapshot snapshot, List<PositionValue> positions,
            LocalDate balanceAsOf) {
        BigDecimal longValue = positions.stream().map(PositionValue::marketValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal lastdayValue = positions.stream().map(PositionValue::lastdayValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal equity = snapshot.cash().add(longValue);
        String buyingPower = SimJson.decimal(snapshot.buyingPower());
        ObjectNode node = SimJson.object();
        node.put("id", identity.id().toString());
        node.put("account_number", identity.accountNumber());
        node.put("status", "ACTIVE");
        node.put("crypto_status", "INACTIVE");
        node.put("currency", "USD");
        node.put("buying_power", buyingPower);
        node.put("regt_buying_power", buyingPower);
        node.put("daytrading_buying_power", ZERO);
        node.put("effective_buying_power", buyingPower);
        node.put("non_marginable_buying_power", buyingPower);
        node.put("bod_dtbp", ZERO);
        node.put("cash", SimJson.decimal(snapshot.cash()));
        node.put("accrued_fees", ZERO);
        node.put("pending_transfer_in", ZERO);
        node.put("portfolio_value", SimJson.decimal(equity));
        node.put("pattern_day_trader", false);
        node.put("trading_blocked", false);
        node.put("transfers_blocked", false);
        node.put("account_blocked", false);
        node.put("created_at", SimJson.utc(identity.createdAt()));
        node.put("trade_suspended_by_user", false);
        node.put("multiplier", "1");
        node.put("shorting_enabled", false);
        node.put("equity", SimJson.decimal(equity));
        node.put("last_equity", SimJson.decimal(snapshot.cash().add(lastdayValue)));
        node.put("long_market_value", SimJson.decimal(longValue));
        node.put("short_market_value", ZERO);
        node.put("position_market_value", SimJson.decimal(longValue));
        node.put("initial_margin", ZERO);
        node.put("maintenance_margin", ZERO);
        node.put("last_maintenance_margin", ZERO);
        node.put("sma", ZERO);
        node.put("daytrade_count", 0);
        node.put("balance_asof", balanceAsOf.toString());
        return node;
    }

    static ObjectNode asset(SimAsset asset) {
        ObjectNode node = SimJson.object();
        node.put("id", asset.id().toString());
        node.put("class", ASSET_CLASS);
        node.put("exchange", asset.exchange().name());
        node.put("symbol", asset.symbol());
        node.put("name", asset.name());
        node.put("status", "active");
        node.put("tradable", true);
        node.put("marginable", true);
        node.put("maintenance_margin_requirement", 30);
        node.put("margin_requirement_long", "30");
        node.put("margin_requirement_short", "100");
        node.put("shortable", true);
        node.put("easy_to_borrow", true);
        node.put("fractionable", true);
        node.putArray("attributes");
        return node;
    }
}
