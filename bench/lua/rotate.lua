-- GET a path naming one symbol, rotating through the simulator's universe so that, with a 1 ms price-cache TTL,
-- each request finds its symbol expired. BENCH_PATH is the path with "{symbol}" in it. Counts X-Cache: MISS.
local symbols = { "AAPL", "MSFT", "AMZN", "GOOGL", "META", "NVDA", "TSLA", "SPY", "QQQ", "IWM", "JPM", "V",
   "JNJ", "WMT", "PG", "XOM", "BAC", "DIS", "NFLX", "AMD", "INTC", "KO", "PEP", "CSCO", "ORCL", "CRM", "ADBE",
   "T", "VZ", "PFE", "MRK", "ABBV", "CVX", "HD", "MCD", "NKE", "BA", "GE", "IBM", "QCOM", "TXN", "AVGO", "COST",
   "UNH", "LLY", "GLD", "TLT", "DIA", "XLF", "UBER", "PYPL" }
local template = os.getenv("BENCH_PATH") or "/live/quote/{symbol}"
local paths = {}
for i, symbol in ipairs(symbols) do
   paths[i] = template:gsub("{symbol}", symbol)
end
local next_index = 1
responses = 0
misses = 0

function init(args)
   -- Threads start at different symbols.
   next_index = math.random(#paths)
end

function request()
   local path = paths[next_index]
   next_index = next_index % #paths + 1
   return wrk.format("GET", path)
end

function response(status, headers, body)
   responses = responses + 1
   if headers["X-Cache"] == "MISS" then
      misses = misses + 1
   end
end
