package com.bensbot.trading.broker.sim;

import static com.bensbot.trading.broker.sim.NyseCalendar.NEW_YORK;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Alpaca market data v2 for stocks: latest quotes and trades, historical bars. */
final class MarketDataApi {

    private final SimUniverse universe;
    private final SimMarket market;
    private final SimBars bars;
    private final Clock clock;

    MarketDataApi(SimUniverse universe, SimMarket market, SimBars bars, Clock clock) {
        this.universe = universe;
        this.market = market;
        this.bars = bars;
        this.clock = clock;
    }

    SimReply latestQuote(String symbol) {
        return latest(symbol, "quote", market::quote, MarketDataJson::quote);
    }

    SimReply latestTrade(String symbol) {
        return latest(symbol, "trade", market::trade, MarketDataJson::trade);
    }

    SimReply latestQuotes(SimRequest request) {
        return latestOfMany(request, "quotes", asset -> MarketDataJson.quote(market.quote(asset)));
    }

    SimReply latestTrades(SimRequest request) {
        return latestOfMany(request, "trades", asset -> MarketDataJson.trade(market.trade(asset)));
    }

    SimReply bars(String symbol, SimRequest request) {
        BarTimeframe timeframe = BarTimeframe.parse(request.param("timeframe").orElse(""))
                .orElseThrow(() -> SimApiException.badRequest("invalid timeframe"));
        int limit = limit(request);
        boolean descending = descending(request);
        Instant start = request.param("start").map(text -> time(text, "start")).orElse(null);
        Instant end = request.param("end").map(text -> time(text, "end")).orElse(clock.instant());
        if (start != null && end.isBefore(start)) {
            throw SimApiException.badRequest("end should not be before start");
        }
        Instant resumeAt = request.param("page_token").map(MarketDataApi::decodePageToken).orElse(null);

        String upperSymbol = symbol.toUpperCase(Locale.ROOT);
        ObjectNode body = SimJson.object();
        ArrayNode barsNode = body.putArray("bars");
        body.put("symbol", upperSymbol);
        Optional<SimAsset> asset = universe.bySymbol(upperSymbol);
        SimBars.Page page = asset
                .map(known -> bars.list(known, new SimBars.Query(timeframe, start, end, limit, descending, resumeAt)))
                .orElseGet(() -> new SimBars.Page(List.of(), null));
        page.bars().forEach(bar -> barsNode.add(MarketDataJson.bar(bar)));
        body.put("next_page_token", page.nextPageStart() == null ? null : encodePageToken(page.nextPageStart()));
        return SimReply.ok(body);
    }

    private <T> SimReply latest(String symbol, String field, Function<SimAsset, T> read,
            Function<T, ObjectNode> render) {
        String upperSymbol = symbol.toUpperCase(Locale.ROOT);
        SimAsset asset = universe.bySymbol(upperSymbol)
                .orElseThrow(() -> SimApiException.notFound("symbol not found: " + upperSymbol));
        ObjectNode body = SimJson.object();
        body.put("symbol", asset.symbol());
        body.set(field, render.apply(read.apply(asset)));
        return SimReply.ok(body);
    }

    /** Alpaca leaves symbols it has no data for out of the map. */
    private SimReply latestOfMany(SimRequest request, String field, Function<SimAsset, ObjectNode> render) {
        Set<String> symbols = symbols(request);
        ObjectNode body = SimJson.object();
        ObjectNode entries = body.putObject(field);
        for (String symbol : symbols) {
            universe.bySymbol(symbol).ifPresent(asset -> entries.set(asset.symbol(), render.apply(asset)));
        }
        return SimReply.ok(body);
    }

    private static Set<String> symbols(SimRequest request) {
        String list = request.param("symbols")
                .orElseThrow(() -> SimApiException.badRequest("symbols is required"));
        Set<String> symbols = new LinkedHashSet<>();
        Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(symbol -> !symbol.isEmpty())
                .map(symbol -> symbol.toUpperCase(Locale.ROOT))
                .forEach(symbols::add);
        if (symbols.isEmpty()) {
            throw SimApiException.badRequest("symbols is required");
        }
        return symbols;
    }

    private static int limit(SimRequest request) {
        Optional<String> text = request.param("limit");
        if (text.isEmpty()) {
            return SimBars.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.get());
            if (limit < 1) {
                throw SimApiException.badRequest("invalid limit: must be positive");
            }
            return Math.min(limit, SimBars.MAX_LIMIT);
        } catch (NumberFormatException e) {
            throw SimApiException.badRequest("invalid limit");
        }
    }

    private static boolean descending(SimRequest request) {
        String sort = request.param("sort").orElse("asc");
        return switch (sort) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw SimApiException.badRequest("invalid sort");
        };
    }

    /** RFC 3339, or a bare date meaning midnight in New York. */
    private static Instant time(String text, String name) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(NEW_YORK).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw SimApiException.badRequest("invalid " + name);
        }
    }

    private static String encodePageToken(Instant resumeAt) {
        byte[] text = Long.toString(resumeAt.getEpochSecond()).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text);
    }

    private static Instant decodePageToken(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            return Instant.ofEpochSecond(Long.parseLong(text));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw SimApiException.badRequest("invalid page_token");
        }
    }
}
