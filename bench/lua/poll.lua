-- POST SendIdentityVerification Poll on pending sessions, a different session on every request.
-- The sessions (SessionId MechanismId per line) are opened beforehand by bench/open-sessions.
local sessions = {}
local index = 0
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("BENCH_SESSIONS")) do
    local sid, mid = line:match("^(%S+)%s+(%S+)$")
    table.insert(sessions, { sid, mid })
  end
  index = tid * 7919
end

function request()
  index = index + 1
  local s = sessions[(index % #sessions) + 1]
  local body = string.format(
    '{"Action":"Poll","MechanismId":"%s","SessionId":"%s","TenantId":"ABC1234"}', s[2], s[1])
  return wrk.format("POST", "/CDirectoryService/SendIdentityVerification",
    { ["Content-Type"] = "application/json" }, body)
end

dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")
