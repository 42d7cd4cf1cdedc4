--[[
  Records the outcome of delivering one outbound message and advances `settled`, the highest seq such that
  every message up to it is delivered or failed (delivery keeps a session's messages in order by it).

  Input:
    KEYS[1] delivery hash (field per seq: outcome JSON; field `settled`)

    ARGV[1] seq
    ARGV[2] outcome JSON
    ARGV[3] how many outcomes to keep (older ones are dropped as `settled` moves past them)

  Output:
    the new `settled`
]]
redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
local settled = tonumber(redis.call('HGET', KEYS[1], 'settled') or '0')
while redis.call('HEXISTS', KEYS[1], tostring(settled + 1)) == 1 do
  settled = settled + 1
  local stale = settled - tonumber(ARGV[3])
  if stale > 0 then
    redis.call('HDEL', KEYS[1], tostring(stale))
  end
end
redis.call('HSET', KEYS[1], 'settled', settled)
return settled
