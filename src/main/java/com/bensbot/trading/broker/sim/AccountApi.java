package com.bensbot.trading.broker.sim;

import static com.bensbot.trading.broker.sim.NyseCalendar.NEW_YORK;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Alpaca trading v2 read-only resources: clock, account, positions, assets. */
final class AccountApi {

    private final TradingJson.AccountIdentity identity;
    private final SimUniverse universe;
    private final SimMarket market;
    private final SimAccount account;
    private final NyseCalendar calendar;
    private final Clock clock;

    AccountApi(TradingJson.AccountIdentity identity, SimUniverse universe, SimMarket market, SimAccount account,
            NyseCalendar calendar, Clock clock) {
        this.identity = identity;
        this.universe = universe;
        this.market = market;
        this.account = account;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The real NYSE clock: the simulator fills orders at any hour but reports the hours truthfully. */
    SimReply clock(SimRequest request) {
        Instant now = clock.instant();
        ObjectNode node = SimJson.object();
        node.put("timestamp", SimJson.withOffset(now.atZone(NEW_YORK)));
        node.put("is_open", calendar.isOpen(now));
        node.put("next_open", SimJson.withOffset(calendar.nextOpen(now)));
        node.put("next_close", SimJson.withOffset(calendar.nextClose(now)));
        return SimReply.ok(node);
    }

    SimReply account(SimRequest request) {
        SimAccount.Snapshot snapshot = account.snapshot();
        List<PositionValue> positions = valued(snapshot);
        Instant now = clock.instant();
        return SimReply.ok(TradingJson.account(identity, snapshot, positions,
                calendar.previousClose(now).toLocalDate()));
    }

    SimReply positions(SimRequest request) {
        ArrayNode array = SimJson.array();
        valued(account.snapshot()).forEach(value -> array.add(TradingJson.position(value)));
        return SimReply.ok(array);
    }

    SimReply position(String symbol) {
        String wanted = symbol.toUpperCase(Locale.ROOT);
        return valued(account.snapshot()).stream()
                .filter(value -> value.position().asset().symbol().equals(wanted))
                .findFirst()
                .map(value -> SimReply.ok(TradingJson.position(value)))
                .orElseThrow(() -> SimApiException.notFound("position does not exist"));
    }

    /** Looks an asset up by symbol or by asset id, as Alpaca does. */
    SimReply asset(String symbolOrId) {
        return universe.bySymbol(symbolOrId)
                .or(() -> assetId(symbolOrId).flatMap(universe::byId))
                .map(asset -> SimReply.ok(TradingJson.asset(asset)))
                .orElseThrow(() -> SimApiException.notFound("asset not found"));
    }

    private List<PositionValue> valued(SimAccount.Snapshot snapshot) {
        return snapshot.holdings().stream()
                .map(holding -> new PositionValue(holding,
                        market.currentPrice(holding.position().asset()),
                        market.previousClose(holding.position().asset())))
                .toList();
    }

    private static Optional<UUID> assetId(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
