-- wrk script for bench/serve.sh: paces each connection so that all of them together offer about
-- RATE requests per second (CONNS must equal wrk's -c). Counts answers by status so the summary
-- shows how many were shed (429/503) and whether anything else failed.
local rate = tonumber(os.getenv("RATE") or "200")
local conns = tonumber(os.getenv("CONNS") or "20")
local threads = {}
statuses = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

function delay()
  return 1000 * conns / rate
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for k, v in pairs(s) do
      total[k] = (total[k] or 0) + v
    end
  end
  local line = "status counts:"
  for k, v in pairs(total) do
    line = line .. string.format(" %d=%d", k, v)
  end
  print(line)
  print(string.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
