--[[
  Settles the check of the message at the head of a group's pending list, in one step: stores its record
  and vector (unless already stored: a re-run after a crash stores nothing twice), counts a reminder and a
  seen command word, removes what retention expired, pops the message, releases the armed flag when
  nothing waits, and renews the keys' expiry.

  Input:
    KEYS[1] pending list        KEYS[2] armed flag       KEYS[3] meta hash       KEYS[4] order zset
    KEYS[5] times zset          KEYS[6] records hash     KEYS[7] vectors hash    KEYS[8] commands hash

    ARGV[1] the pending entry as read (popped only if it is still the head)
    ARGV[2] record id, '' when nothing is stored
    ARGV[3] posting time (ms)
    ARGV[4] record JSON
    ARGV[5] vector bytes, '' when none
    ARGV[6] expiry of the stored keys (ms)
    ARGV[7] retention cutoff (ms): records posted before it are removed
    ARGV[8] most records removed in one call
    ARGV[9] '1' when a reminder was sent for this message
    ARGV[10] another bot's command word seen in this message, '' when none

  Output:
    { stored, seq, remaining, pruned }
]]
local id = ARGV[2]
local stored = 0
local seq = tonumber(redis.call('HGET', KEYS[3], 'seq') or '0')
if id ~= '' and redis.call('HEXISTS', KEYS[6], id) == 0 then
  seq = redis.call('HINCRBY', KEYS[3], 'seq', 1)
  redis.call('HSET', KEYS[6], id, ARGV[4])
  if ARGV[5] ~= '' then
    redis.call('HSET', KEYS[7], id, ARGV[5])
  end
  redis.call('ZADD', KEYS[4], seq, id)
  redis.call('ZADD', KEYS[5], ARGV[3], id)
  stored = 1
end
if ARGV[9] == '1' then
  redis.call('HINCRBY', KEYS[3], 'reminded', 1)
end
if ARGV[10] ~= '' and (redis.call('HLEN', KEYS[8]) < 200 or redis.call('HEXISTS', KEYS[8], ARGV[10]) == 1) then
  redis.call('HINCRBY', KEYS[8], ARGV[10], 1)
end

local expired = redis.call('ZRANGEBYSCORE', KEYS[5], '-inf', '(' .. ARGV[7], 'LIMIT', 0, tonumber(ARGV[8]))
for _, old in ipairs(expired) do
  redis.call('ZREM', KEYS[5], old)
  redis.call('ZREM', KEYS[4], old)
  redis.call('HDEL', KEYS[6], old)
  redis.call('HDEL', KEYS[7], old)
end

if redis.call('LINDEX', KEYS[1], 0) == ARGV[1] then
  redis.call('LPOP', KEYS[1])
end
local remaining = redis.call('LLEN', KEYS[1])
if remaining == 0 then
  redis.call('DEL', KEYS[2])
end

local ttl = tonumber(ARGV[6])
for index = 3, 8 do
  redis.call('PEXPIRE', KEYS[index], ttl)
end
return {stored, seq, remaining, #expired}
