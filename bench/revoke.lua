-- wrk script for POST revokeEarn.
--   wrk ... -s revoke.lua -- same                 the same request again and again (the 814 path)
--   wrk ... -s revoke.lua -- unique OFFSET SPAN   each request revokes the next seeded earn instance:
--                                                 thread i asks for ids OFFSET+i*SPAN+1, +2, ...
--                                                 (see make_seed.py), so threads never share one
--   wrk ... -s revoke.lua -- unique814 OFFSET     a new earnedBadgeId every request, none of them
--                                                 seeded: every answer is 814, every body new
-- At the end it prints the answers by HTTP status.
local path = "/api_gateway/v1/badges/customer/revokeEarn"
local threads = {}

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic ZGVtby50aWxsOjRiNGQ5NTI5MTQ4ZDhkOTQ0MGQ3ZTIwYzc4Mjg3ZjY5"

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

function init(args)
  mode = args[1] or "same"
  local span = tonumber(args[3] or "100000000")
  if mode == "unique814" then
    -- Far above any seeded id: 0xE8D4A51000 + ...
    offset = 1000000000000 + tonumber(args[2] or "0") + index * 1000000000
  else
    offset = tonumber(args[2] or "0") + index * span
  end
  counter = 0
  statuses = {}
  same = wrk.format(nil, path, nil,
    '{"badgeMetaId":"653ddb33b3cda7078c7c68e9","customerId":62090013,"earnedBadgeId":"654cbea06bccde1274b6d3a2"}')
end

function request()
  if mode == "same" then
    return same
  end
  counter = counter + 1
  return wrk.format(nil, path, nil, string.format(
    '{"badgeMetaId":"653ddb33b3cda7078c7c68e9","customerId":62090013,"earnedBadgeId":"%024x"}',
    offset + counter))
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    for status, n in pairs(s) do
      counts[status] = (counts[status] or 0) + n
    end
  end
  local line = "statuses:"
  for status, n in pairs(counts) do
    line = line .. " " .. status .. "=" .. n
  end
  print(line)
end
