--[[
  Settles one taken session of a shard and takes the next due ones in the same step: the session leaves the
  taken list and, when its drain stopped at the batch limit or failed, is listed due again (at the back,
  behind the sessions already waiting); then up to ARGV[3] due sessions move to the taken list, as in
  takeDue-2.lua, so a run that keeps busy needs one round trip per drained session.

  Input:
    KEYS[1] the shard's due list
    KEYS[2] the shard's taken list

    ARGV[1] session id
    ARGV[2] '1' to list the session as due again, '0' when its drain released it
    ARGV[3] the most due sessions to take (0: none)

  Output:
    the session ids taken (possibly none)
]]
redis.call('LREM', KEYS[2], 1, ARGV[1])
if ARGV[2] == '1' then
  redis.call('RPUSH', KEYS[1], ARGV[1])
end
local wanted = tonumber(ARGV[3])
if wanted <= 0 then
  return {}
end
local ids = redis.call('LRANGE', KEYS[1], 0, wanted - 1)
if #ids == 0 then
  return ids
end
redis.call('LTRIM', KEYS[1], #ids, -1)
for first = 1, #ids, 500 do
  redis.call('RPUSH', KEYS[2], unpack(ids, first, math.min(first + 499, #ids)))
end
return ids
