-- wrk script of the soak and the benchmark: demo/wrk.py writes `paths = {...}` above this.
-- Each thread cycles through the paths from its own starting point and counts every status it gets.
local threads = {}

function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  counter = offset
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  for status, count in pairs(totals) do
    io.write(string.format("status %d %d\n", status, count))
  end
  local errors = summary.errors
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("seconds %.1f\n", summary.duration / 1e6))
  io.write(string.format("socket_errors %d\n",
    errors.connect + errors.read + errors.write + errors.timeout))
  for _, percentile in ipairs({50, 90, 99}) do
    io.write(string.format("latency_p%d_ms %.1f\n", percentile, latency:percentile(percentile) / 1000))
  end
  io.write(string.format("latency_max_ms %.1f\n", latency.max / 1000))
end
