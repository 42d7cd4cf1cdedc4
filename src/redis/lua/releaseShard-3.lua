--[[
  Ends a shard's drain run when nothing is due or taken, releasing the shard's armed flag in the same step,
  so a session listed afterwards arms a new shard job (no wake-up is lost between the check and the release).

  Input:
    KEYS[1] the shard's due list
    KEYS[2] the shard's taken list
    KEYS[3] the shard's armed flag

  Output:
    1 released; 0 something is still due or taken (the run goes on, or hands the shard to a new job)
]]
if redis.call('LLEN', KEYS[1]) == 0 and redis.call('LLEN', KEYS[2]) == 0 then
  redis.call('DEL', KEYS[3])
  return 1
end
return 0
