-- Opens a new CyberArk session and a new IronVest csid on every request, at a paced rate (memory run).
local counter = 0
local threads = {}
local pace = tonumber(os.getenv("BENCH_PACE_MS") or "10")

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function delay()
  return pace
end

function request()
  counter = counter + 1
  if counter % 2 == 0 then
    return wrk.format("POST", "/CDirectoryService/StartAuthentication", { ["Content-Type"] = "application/json" },
      string.format('{"TenantId":"ABC1234","User":"load.m%d.%d@idv.test"}', tid, counter))
  end
  return wrk.format("POST", "/v1/validate",
    { ["Content-Type"] = "application/json", ["apikey"] = "iv-stub-key-acme-0001" },
    string.format('{"cid":"acme-bank","csid":"mem-%d-%d","uid":"u1","additionalData":{"sessionData":[]}}', tid, counter))
end

dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")
