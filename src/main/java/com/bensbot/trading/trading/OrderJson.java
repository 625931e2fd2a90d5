package com.bensbot.trading.trading;

import com.bensbot.trading.broker.Order;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON a client receives for an order, written once and stored for replays. */
public final class OrderJson {
    private final ObjectMapper mapper;

    public OrderJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Order order) {
        try {
            return mapper.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An order record cannot fail to serialise", e);
        }
    }
}
