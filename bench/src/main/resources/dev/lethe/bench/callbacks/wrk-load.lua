-- wrk script of the callbacks benchmark (WrkLoad). Arguments after "--": a file of form bodies,
-- one a line, or "-" to send GETs; the number of wrk threads; the prefix of the files where each
-- thread writes the confirmation codes of its 200 answers.
-- Each thread sends its own share of the bodies (line i goes to thread i mod threads), so no body
-- is sent twice unless a thread runs out and starts again: the durability check then sees fewer
-- distinct codes than answers.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local count = tonumber(args[2])
  codes = io.open(args[3] .. id, "w")
  codes:setvbuf("line")
  bodies = {}
  if args[1] ~= "-" then
    local i = 0
    for line in io.lines(args[1]) do
      if i % count == id then
        bodies[#bodies + 1] = line
      end
      i = i + 1
    end
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
    wrk.headers["Accept"] = "application/json"
  end
  sent = 0
  ok = 0
  counting = #bodies > 0
  if not counting then
    -- a GET needs no codes: without these wrk sends one prepared request and parses no bodies
    request = nil
    response = nil
  end
end

function request()
  sent = sent + 1
  return wrk.format(nil, nil, nil, bodies[(sent - 1) % #bodies + 1])
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
    local code = body and string.match(body, '"confirmation_code"%s*:%s*"([^"]+)"')
    if code then
      codes:write(code, "\n")
    end
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  -- without a response hook (GETs) wrk's own count stands: answers that were not 4xx or 5xx
  local answered = summary.requests - e.status
  if threads[1]:get("counting") then
    answered = 0
    for _, thread in ipairs(threads) do
      answered = answered + thread:get("ok")
    end
  end
  io.write(string.format(
    "lethe-wrk requests=%d ok=%d duration_us=%d connect=%d read=%d write=%d timeout=%d"
      .. " status=%d p50=%d p99=%d p999=%d max=%d\n",
    summary.requests, answered, summary.duration, e.connect, e.read, e.write, e.timeout,
    e.status, latency:percentile(50), latency:percentile(99), latency:percentile(99.9),
    latency.max))
end
