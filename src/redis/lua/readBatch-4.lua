--[[
  Reads what a drain has to do for one session: effects left over from an interrupted drain, then the
  next events of the mailbox. When there is nothing at all, the drain trigger is released in the same step,
  so an event appended afterwards arms a new drain.

  Input:
    KEYS[1] actor hash
    KEYS[2] mailbox
    KEYS[3] pending effects list
    KEYS[4] armed flag

    ARGV[1] actor version the caller holds in memory (-1 for none)
    ARGV[2] maximum number of events to return

  Output:
    { version, snapshot or nil (nil when the caller's version is current), effects[], events[] }
]]
local version = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
local snapshot = false
if version ~= tonumber(ARGV[1]) then
  snapshot = redis.call('HGET', KEYS[1], 'snapshot')
end

local effects = redis.call('LRANGE', KEYS[3], 0, -1)
local events = redis.call('LRANGE', KEYS[2], 0, tonumber(ARGV[2]) - 1)
if #events == 0 and #effects == 0 then
  redis.call('DEL', KEYS[4])
end

return {version, snapshot, effects, events}
