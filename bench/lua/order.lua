-- POST /trading/orders: a limit buy of one share at 1.00 USD, far below the market, immediate-or-cancel, so the
-- simulator never fills it and no open order piles up in it. No Idempotency-Key and no client_order_id: every
-- request is a new order (shape, state, mode and policy layers, audit records, broker call).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"symbol":"AAPL","qty":"1","side":"buy","type":"limit","limit_price":"1.00","time_in_force":"ioc"}'
