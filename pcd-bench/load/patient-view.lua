-- wrk script: POSTs CDS Hooks patient-view requests, rotating through the bodies in
-- requests.txt (one JSON request per line, written by run.sh) so that no two consecutive calls
-- carry the same patient.
local bodies = {}
for line in io.lines(os.getenv("PCD_LOAD_REQUESTS") or "requests.txt") do
  bodies[#bodies + 1] = line
end
local i = 0
request = function()
  i = i % #bodies + 1
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, bodies[i])
end
response = function(status, headers, body)
  if status ~= 200 then
    io.stderr:write("status " .. status .. "\n")
  end
end
