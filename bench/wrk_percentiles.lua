-- wrk reports p50/p75/p90/p99; the issue's goal is a p95: print it (and the errors) when wrk is done.
done = function(summary, latency, requests)
  io.write(string.format("RT p95_ms %.1f\n", latency:percentile(95) / 1000))
  io.write(string.format("RT p50_ms %.1f\n", latency:percentile(50) / 1000))
  io.write(string.format("RT requests %d\n", summary.requests))
  local e = summary.errors
  io.write(string.format("RT errors %d\n", e.connect + e.read + e.write + e.status + e.timeout))
end
