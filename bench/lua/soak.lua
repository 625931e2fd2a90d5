-- The soak's traffic: a fixed rate (BENCH_DELAY_MS between requests on each connection) of a realistic mix:
-- cached quotes, a 20-symbol batch, a rotating quote and trade, /health, /live/health and one order in ten.
local symbols = { "AAPL", "MSFT", "AMZN", "GOOGL", "META", "NVDA", "TSLA", "SPY", "QQQ", "IWM", "JPM", "V",
   "JNJ", "WMT", "PG", "XOM", "BAC", "DIS", "NFLX", "AMD", "INTC", "KO", "PEP", "CSCO", "ORCL", "CRM", "ADBE",
   "T", "VZ", "PFE", "MRK", "ABBV", "CVX", "HD", "MCD", "NKE", "BA", "GE", "IBM", "QCOM", "TXN", "AVGO", "COST",
   "UNH", "LLY", "GLD", "TLT", "DIA", "XLF", "UBER", "PYPL" }
local batch = "/live/quotes?symbols=AAPL,MSFT,AMZN,GOOGL,META,NVDA,TSLA,SPY,QQQ,IWM,JPM,V,JNJ,WMT,PG,XOM,BAC,DIS,NFLX,AMD"
local order = '{"symbol":"AAPL","qty":"1","side":"buy","type":"limit","limit_price":"1.00","time_in_force":"ioc"}'
local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "10")
local n = 0

function init(args)
   n = math.random(100)
end

function delay()
   return delay_ms
end

function request()
   n = n + 1
   local slot = n % 10
   local symbol = symbols[n % #symbols + 1]
   if slot < 3 then
      return wrk.format("GET", "/live/quote/AAPL")
   elseif slot == 3 then
      return wrk.format("GET", batch)
   elseif slot == 4 then
      return wrk.format("GET", "/live/quote/" .. symbol)
   elseif slot == 5 then
      return wrk.format("GET", "/live/trade/" .. symbol)
   elseif slot == 6 then
      return wrk.format("GET", "/health")
   elseif slot == 7 then
      return wrk.format("GET", "/live/health")
   elseif slot == 8 then
      return wrk.format("GET", "/metrics")
   else
      return wrk.format("POST", "/trading/orders", { ["Content-Type"] = "application/json" }, order)
   end
end
