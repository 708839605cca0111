-- wrk script: every request asks for an address the page cache has not seen (a query
-- parameter no page reads, new each time), so the application renders every page, as it
-- does for the first guest after a change. Each wrk thread numbers its own requests.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local counter = 0

function request()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "?uncached=" .. id .. "-" .. counter)
end
