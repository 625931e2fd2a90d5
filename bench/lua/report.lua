-- Common to every load scenario: after the run, one line "BENCH {json}" with throughput, latency percentiles
-- (microseconds) and error counts, read by bench/load.sh. Scenario scripts are appended after this file and may
-- count responses per thread in the globals `responses` and `misses` (X-Cache: MISS), which are added up here.
local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function done(summary, latency, requests)
   local responses, misses = 0, 0
   for _, thread in ipairs(threads) do
      responses = responses + (thread:get("responses") or 0)
      misses = misses + (thread:get("misses") or 0)
   end
   local seconds = summary.duration / 1e6
   io.write(string.format(
      'BENCH {"requests":%d,"duration_s":%.3f,"rps":%.1f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,' ..
      '"p999_ms":%.3f,"max_ms":%.3f,"non2xx":%d,"errors_connect":%d,"errors_read":%d,"errors_write":%d,' ..
      '"errors_timeout":%d,"counted_responses":%d,"cache_misses":%d}\n',
      summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency:percentile(99.9) / 1000, latency.max / 1000,
      summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write,
      summary.errors.timeout, responses, misses))
end
