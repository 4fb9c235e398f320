-- wrk script for bench/serve.sh: paces the requests so that all threads together offer RATE
-- requests per second whatever the latency (wrk itself is closed-loop). Each wrk thread keeps a
-- timeline of send slots THREADS/RATE seconds apart (monotonic clock through LuaJIT's ffi); a
-- connection ready to send waits for the next free slot. A thread that falls behind may catch up
-- at most one second's worth of slots at once. Counts answers by status so the summary shows how
-- many were shed (429/503) and whether anything else failed.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } tp_pace_timespec;
int clock_gettime(int clk_id, tp_pace_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local ts = ffi.new("tp_pace_timespec")
local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local rate = tonumber(os.getenv("RATE") or "200")
local nthreads = tonumber(os.getenv("THREADS") or "2")
local interval = 1000 * nthreads / rate -- ms between this thread's sends
local next_slot = nil
local threads = {}
statuses = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

function delay()
  local now = now_ms()
  if next_slot == nil or next_slot < now - 1000 then
    next_slot = now
  end
  local wait = next_slot - now
  next_slot = next_slot + interval
  if wait < 0 then
    return 0
  end
  return wait
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
