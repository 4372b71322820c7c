-- POST /v1/validate with a new csid on every request: each one opens a session on our stub.
-- 'p1000000' keeps every csid "processing", the answer the static targets send too.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"cid":"acme-bank","csid":"bench-%d-%d-p1000000","uid":"u1","additionalData":{"sessionData":[]}}',
    tid, counter)
  return wrk.format("POST", "/v1/validate",
    { ["Content-Type"] = "application/json", ["apikey"] = "iv-stub-key-acme-0001" }, body)
end

dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")
