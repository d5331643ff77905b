-- wrk script: POST load on Steward, for bench/write.sh and bench/cluster.sh.
--   BENCH_POST=consent: a consent record per request, POST /api/v1/tenants/T/subjects/S/consents, going round the
--     subjects of BENCH_SUBJECTS (a file, one id a line), GRANT on the first pass over them, WITHDRAW on the next...
--     so that every request changes a state, and no two requests in flight share a subject (one state row each).
--   BENCH_POST=ping: the same bodies to POST /api/v1/ping (reads and discards the body): the no-op baseline.
-- BENCH_TENANT, BENCH_KEY (a SERVICE API key), BENCH_NOTICE_VERSION (of web-analytics, for the GRANTs).
local subjects, mode, tenant, headers, grant, withdraw
local i = 0

function init(args)
    subjects = {}
    for line in io.lines(os.getenv("BENCH_SUBJECTS")) do
        subjects[#subjects + 1] = line
    end
    mode = os.getenv("BENCH_POST")
    tenant = os.getenv("BENCH_TENANT")
    headers = { ["X-API-Key"] = os.getenv("BENCH_KEY"), ["Content-Type"] = "application/json" }
    grant = '{"purpose":"web-analytics","action":"GRANT","noticeVersion":' .. os.getenv("BENCH_NOTICE_VERSION") .. '}'
    withdraw = '{"purpose":"web-analytics","action":"WITHDRAW"}'
end

function request()
    local n = #subjects
    local subject = subjects[i % n + 1]
    local body = (math.floor(i / n) % 2 == 0) and grant or withdraw
    i = i + 1
    local path = "/api/v1/ping"
    if mode == "consent" then
        path = "/api/v1/tenants/" .. tenant .. "/subjects/" .. subject .. "/consents"
    end
    return wrk.format("POST", path, headers, body)
end
