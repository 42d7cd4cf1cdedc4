--[[
  Starts a shard's drain run: sessions left in the taken list by an earlier run (a worker killed mid-drain,
  a drain that failed) go back to the front of the due list, in their order, to be drained first.

  Input:
    KEYS[1] the shard's due list
    KEYS[2] the shard's taken list

  Output:
    how many sessions were reclaimed
]]
local ids = redis.call('LRANGE', KEYS[2], 0, -1)
if #ids == 0 then
  return 0
end
redis.call('DEL', KEYS[2])
for index = #ids, 1, -1 do
  redis.call('LPUSH', KEYS[1], ids[index])
end
return #ids
