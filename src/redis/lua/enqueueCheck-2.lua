--[[
  Queues one group message for Memory Reboot's old-news check and arms the group's check job.

  Input:
    KEYS[1] pending list (message JSON, ingest order)
    KEYS[2] armed flag

    ARGV[1] message JSON
    ARGV[2] most messages kept waiting; beyond it the oldest waiting one is dropped

  Output:
    { needsTrigger, dropped }  needsTrigger = 1 when no check job was owed before this message
]]
redis.call('RPUSH', KEYS[1], ARGV[1])
local dropped = 0
local bound = tonumber(ARGV[2])
while redis.call('LLEN', KEYS[1]) > bound do
  redis.call('LPOP', KEYS[1])
  dropped = dropped + 1
end
if redis.call('SET', KEYS[2], '1', 'NX') then
  return {1, dropped}
end
return {0, dropped}
