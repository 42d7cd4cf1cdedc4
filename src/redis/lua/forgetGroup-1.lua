--[[
  Removes a group from Memory Reboot's index of groups that may owe checks, but only if its score is still
  the one the sweep read: every enqueue bumps the score first, so an enqueue that raced the sweep keeps the
  group in the index.

  Input:
    KEYS[1] the index (sorted set: group session id → enqueues counted)

    ARGV[1] group session id
    ARGV[2] the score as read

  Output:
    1 when the group was removed, 0 when it was kept (or was not there)
]]
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) == tonumber(ARGV[2]) then
  return redis.call('ZREM', KEYS[1], ARGV[1])
end
return 0
