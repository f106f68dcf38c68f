-- wrk script for POST revokeEarn.
--   wrk ... -s revoke.lua -- same           the same request again and again (the 814 path)
--   wrk ... -s revoke.lua -- unique OFFSET  each request revokes the next seeded earn instance,
--                                           ids OFFSET+1, OFFSET+2, ... (see make_seed.py)
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
  offset = tonumber(args[2] or "0") + index * 100000000
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
