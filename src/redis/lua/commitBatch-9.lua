--[[
  Commits one drained batch atomically: the new snapshot (only if the version is still the one the batch
  was computed from), the consumed mailbox entries, the event-log entries, the outbound messages, the
  history and mental-log records, and the effects to carry out. When the batch empties the mailbox, the drain trigger is released in the same step
  (the effects still run before the drain job ends, and a drain for a newer event queues behind this job).
  When the log would outgrow its bound, it restarts from a checkpoint holding the
  snapshot the batch started from, so the log always replays from its checkpoint.

  Input:
    KEYS[1] actor hash
    KEYS[2] mailbox
    KEYS[3] event log (list of entry JSONs)
    KEYS[4] outbox (list of message JSONs, bounded to the newest ARGV[7])
    KEYS[5] pending effects list
    KEYS[6] checkpoint hash
    KEYS[7] armed flag
    KEYS[8] conversation history (list of record JSONs, bounded to the newest ARGV[9])
    KEYS[9] mental log (list of record JSONs, bounded to the newest ARGV[10])

    ARGV[1] expected version
    ARGV[2] number of mailbox entries consumed
    ARGV[3] seq of the last consumed entry (guards against a mailbox changed under the batch)
    ARGV[4] new snapshot JSON
    ARGV[5] new state value JSON
    ARGV[6] event-log bound
    ARGV[7] outbox bound
    ARGV[8] (unused; kept so the argument layout stays stable)
    ARGV[9] history bound
    ARGV[10] mental-log bound
    ARGV[11] n, the number of log entries, followed by n entries
    then m, the number of outbound messages, followed by m message JSONs
    then k, the number of effects, followed by k effect JSONs
    then h, the number of history records, followed by h JSONs
    then g, the number of mental-log records, followed by g JSONs

  Output:
    { 1, newVersion, remaining }   committed; remaining = events left in the mailbox
    { 0, version }        version conflict: another drain committed first
    { -1, version }       the mailbox head no longer matches the batch
]]
-- RPUSH of ARGV[first..last] in order, a chunk per call: Lua's unpack fails past ~8000 values, and a batch
-- (`runtime.drainBatchSize` has no upper bound) may carry more entries than that.
local function pushAll(key, first, last)
  for from = first, last, 1000 do
    redis.call('RPUSH', key, unpack(ARGV, from, math.min(from + 999, last)))
  end
end

local version = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if version ~= tonumber(ARGV[1]) then
  return {0, version}
end

local consumed = tonumber(ARGV[2])
if consumed > 0 then
  local last = redis.call('LINDEX', KEYS[2], consumed - 1)
  if not last or string.match(last, '^(%d+) ') ~= ARGV[3] then
    return {-1, version}
  end
  redis.call('LTRIM', KEYS[2], consumed, -1)
end

local cursor = 11
local logCount = tonumber(ARGV[cursor])
if logCount > 0 then
  if redis.call('LLEN', KEYS[3]) + logCount > tonumber(ARGV[6]) then
    local previous = redis.call('HGET', KEYS[1], 'snapshot')
    if previous then
      redis.call('HSET', KEYS[6], 'snapshot', previous, 'version', version)
    else
      redis.call('DEL', KEYS[6])
    end
    redis.call('DEL', KEYS[3])
  end
  pushAll(KEYS[3], cursor + 1, cursor + logCount)
end
cursor = cursor + logCount + 1

local outboundCount = tonumber(ARGV[cursor])
if outboundCount > 0 then
  pushAll(KEYS[4], cursor + 1, cursor + outboundCount)
  redis.call('LTRIM', KEYS[4], -tonumber(ARGV[7]), -1)
end
cursor = cursor + outboundCount + 1

local effectCount = tonumber(ARGV[cursor])
if effectCount > 0 then
  pushAll(KEYS[5], cursor + 1, cursor + effectCount)
end
cursor = cursor + effectCount + 1

local function appendBounded(key, bound)
  local count = tonumber(ARGV[cursor])
  if count > 0 then
    pushAll(key, cursor + 1, cursor + count)
    redis.call('LTRIM', key, -tonumber(bound), -1)
  end
  cursor = cursor + count + 1
end
appendBounded(KEYS[8], ARGV[9])
appendBounded(KEYS[9], ARGV[10])

local nextVersion = version + 1
redis.call('HSET', KEYS[1], 'snapshot', ARGV[4], 'version', nextVersion, 'state', ARGV[5])

local remaining = redis.call('LLEN', KEYS[2])
if remaining == 0 then
  redis.call('DEL', KEYS[7])
end
return {1, nextVersion, remaining}
