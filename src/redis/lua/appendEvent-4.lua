--[[
  Appends one event to a session's mailbox and arms the session's drain trigger.

  Input:
    KEYS[1] actor hash (field `seq` counts ingested events)
    KEYS[2] mailbox (list of "<seq> <event JSON>")
    KEYS[3] armed flag
    KEYS[4] recent platform message ids (sorted set, score = seq)

    ARGV[1] event JSON
    ARGV[2] platform message id, '' when the event has none
    ARGV[3] how many message ids to remember

  Output:
    { 1, seq, needsDrain }  appended; needsDrain = 1 when no drain was owed before this event
    { 0, seq, 0 }           duplicate platform message id; seq is the earlier event's
]]
local messageId = ARGV[2]
if messageId ~= '' then
  local earlier = redis.call('ZSCORE', KEYS[4], messageId)
  if earlier then
    return {0, tonumber(earlier), 0}
  end
end

local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
redis.call('RPUSH', KEYS[2], seq .. ' ' .. ARGV[1])

if messageId ~= '' then
  redis.call('ZADD', KEYS[4], seq, messageId)
  local bound = tonumber(ARGV[3])
  if redis.call('ZCARD', KEYS[4]) > bound then
    redis.call('ZREMRANGEBYRANK', KEYS[4], 0, -bound - 1)
  end
end

local armed = redis.call('SET', KEYS[3], '1', 'NX')
if armed then
  return {1, seq, 1}
end
return {1, seq, 0}
