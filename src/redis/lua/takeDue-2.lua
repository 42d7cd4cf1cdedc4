--[[
  Takes up to ARGV[1] due sessions of a shard, oldest first, moving them to the shard's taken list in the
  same step: a session stays listed until its drain settles it, so a worker killed mid-drain loses nothing
  (the shard's next run reclaims the taken list).

  Input:
    KEYS[1] the shard's due list
    KEYS[2] the shard's taken list

    ARGV[1] the most sessions to take

  Output:
    the session ids taken (possibly none)
]]
local ids = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)
if #ids == 0 then
  return ids
end
redis.call('LTRIM', KEYS[1], #ids, -1)
-- unpack() is bounded by Lua's C stack: push in chunks.
for first = 1, #ids, 500 do
  redis.call('RPUSH', KEYS[2], unpack(ids, first, math.min(first + 499, #ids)))
end
return ids
