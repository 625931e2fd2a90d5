package com.bensbot.trading.broker.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Alpaca market-data v2 objects: prices are JSON numbers, keys are Alpaca's one- and two-letter names. */
final class MarketDataJson {

    private MarketDataJson() {
    }

    static ObjectNode quote(SimQuote quote) {
        ObjectNode node = SimJson.object();
        node.put("t", SimJson.utc(quote.time()));
        node.put("ax", quote.askExchange());
        node.put("ap", quote.askPrice());
        node.put("as", quote.askSize());
        node.put("bx", quote.bidExchange());
        node.put("bp", quote.bidPrice());
        node.put("bs", quote.bidSize());
        node.putArray("c").add("R");
        node.put("z", quote.tape());
        return node;
    }

    static ObjectNode trade(SimTrade trade) {
        ObjectNode node = SimJson.object();
        node.put("t", SimJson.utc(trade.time()));
        node.put("x", trade.exchange());
        node.put("p", trade.price());
        node.put("s", trade.size());
        node.putArray("c").add("@");
        node.put("i", trade.id());
        node.put("z", trade.tape());
        return node;
    }

    static ObjectNode bar(SimBar bar) {
        ObjectNode node = SimJson.object();
        node.put("t", SimJson.utc(bar.time()));
        node.put("o", bar.open());
        node.put("h", bar.high());
        node.put("l", bar.low());
        node.put("c", bar.close());
        node.put("v", bar.volume());
        node.put("n", bar.tradeCount());
        node.put("vw", bar.volumeWeightedPrice());
        return node;
    }
}
