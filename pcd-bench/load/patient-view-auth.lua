-- wrk script: like patient-view.lua, with a signed JWT per call, each used once (tokens-0.txt,
-- one per line, from Tokens.java); when the tokens run out they repeat, and the server refuses the
-- replays with 401 (counted as non-2xx by wrk). Run wrk with one thread (-t1): each thread has
-- its own copy of this script and would send the same tokens.
local bodies, tokens = {}, {}
for line in io.lines(os.getenv("PCD_LOAD_REQUESTS") or "requests.txt") do
  bodies[#bodies + 1] = line
end
for line in io.lines(os.getenv("PCD_LOAD_TOKENS") or "tokens-0.txt") do
  tokens[#tokens + 1] = line
end
local i, t = 0, 0
request = function()
  i = i % #bodies + 1
  t = t % #tokens + 1
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[t],
  }, bodies[i])
end
