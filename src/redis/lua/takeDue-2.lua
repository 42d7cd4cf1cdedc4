--[[
  Takes up to ARGV[3] due sessions of a shard, oldest first, moving them to the shard's taken list in the
  same step: a session stays listed until its drain settles it, so a worker killed mid-drain loses nothing
  (the shard's next run reclaims the taken list). Optionally settles one taken session first — it leaves the
  taken list and, when its drain stopped at the batch limit or failed, is listed due again at the back — so a
  run that keeps busy needs one round trip per drained session.

  Input:
    KEYS[1] the shard's due list
    KEYS[2] the shard's taken list

    ARGV[1] the session id to settle first, '' for none
    ARGV[2] '1' to list that session as due again, '0' when its drain released it
    ARGV[3] the most due sessions to take (0: none)

  Output:
    the session ids taken (possibly none)
]]
if ARGV[1] ~= '' then
  redis.call('LREM', KEYS[2], 1, ARGV[1])
  if ARGV[2] == '1' then
    redis.call('RPUSH', KEYS[1], ARGV[1])
  end
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
-- unpack() is bounded by Lua's C stack: push in chunks.
for first = 1, #ids, 500 do
  redis.call('RPUSH', KEYS[2], unpack(ids, first, math.min(first + 499, #ids)))
end
return ids
