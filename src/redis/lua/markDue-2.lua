--[[
  Lists a session as due in its drain shard and arms the shard's drain job.

  Input:
    KEYS[1] the shard's due list (session ids, oldest first)
    KEYS[2] the shard's armed flag (set while a shard drain job is owed or running)

    ARGV[1] session id

  Output:
    1 when the shard was idle and the caller must add its drain job; 0 when a job is owed already
]]
redis.call('RPUSH', KEYS[1], ARGV[1])
if redis.call('SET', KEYS[2], '1', 'NX') then
  return 1
end
return 0
