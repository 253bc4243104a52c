/**
 * A sliding-window log with costs, in one script so every process shares one exact count.
 * KEYS[1]: a sorted set of admitted requests (score: admission time in ms; member: `<seq>:<cost>`);
 * KEYS[2]: a hash of the units in the window (`used`) and the member sequence (`seq`).
 * ARGV: limit, window ms, cost. Time is Redis's own clock, so processes with skewed clocks agree.
 * Answers { allowed (0/1), remaining, ms until the oldest admission leaves the window,
 * ms until this cost would fit (0 when allowed) }.
 */
export const SLIDING_WINDOW = `
local limit = tonumber(ARGV[1])
local windowMs = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local horizon = now - windowMs
local function costOf(member) return tonumber(string.match(member, ':(%d+)$')) end

local used = tonumber(redis.call('HGET', KEYS[2], 'used') or '0')
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', horizon)
for _, member in ipairs(expired) do used = used - costOf(member) end
if #expired > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', horizon) end
-- the hash lost (evicted) while the log was kept: count again from the log
if used < 0 then
  used = 0
  for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do used = used + costOf(member) end
end

local allowed = 0
if used + cost <= limit then
  local seq = redis.call('HINCRBY', KEYS[2], 'seq', 1)
  redis.call('ZADD', KEYS[1], now, seq .. ':' .. cost)
  used = used + cost
  allowed = 1
end
redis.call('HSET', KEYS[2], 'used', used)
redis.call('PEXPIRE', KEYS[1], windowMs)
redis.call('PEXPIRE', KEYS[2], windowMs)

local resetMs = 0
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if oldest[2] then resetMs = tonumber(oldest[2]) + windowMs - now end

local waitMs = 0
if allowed == 0 then
  if cost > limit then
    waitMs = windowMs
  else
    -- walk from the oldest admission until enough units have left the window for this cost
    local needed = used + cost - limit
    local freed = 0
    local start = 0
    while waitMs == 0 do
      local page = redis.call('ZRANGE', KEYS[1], start, start + 63, 'WITHSCORES')
      if #page == 0 then waitMs = windowMs end
      for i = 1, #page, 2 do
        freed = freed + costOf(page[i])
        if freed >= needed then
          waitMs = math.max(1, tonumber(page[i + 1]) + windowMs - now)
          break
        end
      end
      start = start + 64
    end
  end
end
return { allowed, limit - used, resetMs, waitMs }`;
