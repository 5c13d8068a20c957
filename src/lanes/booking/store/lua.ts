/**
 * The Lua scripts that change bookings. Each runs as one atomic step in Redis: it checks capacity, the member's
 * limit and the idempotency key, then writes the booking, the seat counter and the indexes together, or writes
 * nothing. All keys are passed in KEYS and share the resource's hash tag (see keys.ts).
 *
 * Slot starts travel as the decimal strings TypeScript made (`String(ms)`), never re-formatted by Lua, so the
 * counter field names always match.
 */

/** Helpers shared by the scripts: a member's live bookings, seat counts, and promotion from the waitlist. */
const HELPERS = `
local function members_of(key, user)
  local raw = redis.call('HGET', key, user)
  if not raw then return {} end
  return cjson.decode(raw)
end
local function save_members(key, user, list)
  if #list == 0 then redis.call('HDEL', key, user) else redis.call('HSET', key, user, cjson.encode(list)) end
end
local function live(list, now)
  local kept = {}
  for _, e in ipairs(list) do if e[1] > now then table.insert(kept, e) end end
  return kept
end
local function has_slot(list, start)
  for _, e in ipairs(list) do if e[1] == start then return true end end
  return false
end
local function without(list, id)
  local kept = {}
  for _, e in ipairs(list) do if e[2] ~= id then table.insert(kept, e) end end
  return kept
end
local function add_seats(key, field, delta)
  local seats = redis.call('HINCRBY', key, field, delta)
  if seats <= 0 then redis.call('HDEL', key, field) end
  return seats
end
-- Offers freed seats to the first waiting member whose party fits (and who has no booking in that slot yet).
local function promote(k_taken, k_bookings, k_by_start, k_members, k_wait, start_field, capacity, now, offer_id, expires)
  local start = tonumber(start_field)
  local free = capacity - tonumber(redis.call('HGET', k_taken, start_field) or '0')
  if free <= 0 then return '' end
  for _, raw in ipairs(redis.call('LRANGE', k_wait, 0, -1)) do
    local e = cjson.decode(raw)
    local mine = live(members_of(k_members, e.userId), now)
    if e.party <= free and not has_slot(mine, start) then
      redis.call('LREM', k_wait, 1, raw)
      e.id = offer_id
      e.status = 'offered'
      e.offerExpiresAt = expires
      add_seats(k_taken, start_field, e.party)
      redis.call('HSET', k_bookings, offer_id, cjson.encode(e))
      redis.call('ZADD', k_by_start, start_field, offer_id)
      table.insert(mine, {start, offer_id})
      save_members(k_members, e.userId, mine)
      return offer_id
    end
  end
  return ''
end
`;

/**
 * KEYS: taken, bookings, byStart, members, idempotency.
 * ARGV: start, party, capacity, maxPerMember, now, bookingId, bookingJson, idempotencyTtlSec, userId.
 * Returns `ok id seats` | `duplicate id` | `already` | `full free` | `limit count`.
 */
export const BOOK = `${HELPERS}
local existing = redis.call('GET', KEYS[5])
if existing then return {'duplicate', existing} end
local start, party, capacity, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[5])
local mine = live(members_of(KEYS[4], ARGV[9]), now)
if has_slot(mine, start) then return {'already'} end
local taken = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if taken + party > capacity then return {'full', tostring(capacity - taken)} end
if #mine >= tonumber(ARGV[4]) then return {'limit', tostring(#mine)} end
local seats = add_seats(KEYS[1], ARGV[1], party)
redis.call('HSET', KEYS[2], ARGV[6], ARGV[7])
redis.call('ZADD', KEYS[3], ARGV[1], ARGV[6])
table.insert(mine, {start, ARGV[6]})
save_members(KEYS[4], ARGV[9], mine)
redis.call('SET', KEYS[5], ARGV[6], 'EX', ARGV[8])
return {'ok', ARGV[6], tostring(seats)}
`;

/**
 * Frees a booking's seats and offers them to the waitlist. Modes: `cancel` (member or admin), `decline` (the
 * offered member says no), `expire` (an offer not confirmed in time).
 * KEYS: taken, bookings, byStart, members, waitlist of the booking's slot, ended.
 * ARGV: bookingId, mode, actor ('' = admin), now, start, capacity, offerId, offerExpiresAt.
 * Returns `ok promotedId bookingJson` | `missing` | `forbidden` | `moved` | `not_offered` | `not_expired`.
 */
export const RELEASE = `${HELPERS}
local raw = redis.call('HGET', KEYS[2], ARGV[1])
if not raw then return {'missing'} end
local b = cjson.decode(raw)
local mode, now = ARGV[2], tonumber(ARGV[4])
if b.status == 'cancelled' then return {'missing'} end
if b.start ~= tonumber(ARGV[5]) then return {'moved'} end
if ARGV[3] ~= '' and b.userId ~= ARGV[3] then return {'forbidden'} end
if mode ~= 'cancel' and b.status ~= 'offered' then return {'not_offered'} end
if mode == 'expire' and now < b.offerExpiresAt then return {'not_expired'} end
add_seats(KEYS[1], ARGV[5], -b.party)
b.status = 'cancelled'
b.cancelledAt = now
if mode == 'cancel' then b.cancelledBy = (ARGV[3] == '' and 'admin' or 'member') elseif mode == 'decline' then b.cancelledBy = 'declined' else b.cancelledBy = 'expired' end
local json = cjson.encode(b)
redis.call('HSET', KEYS[2], ARGV[1], json)
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZADD', KEYS[6], ARGV[5], ARGV[1])
save_members(KEYS[4], b.userId, without(live(members_of(KEYS[4], b.userId), now), ARGV[1]))
local promoted = promote(KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], ARGV[5], tonumber(ARGV[6]), now, ARGV[7], tonumber(ARGV[8]))
return {'ok', promoted, json}
`;

/**
 * Moves a confirmed booking to another slot of the same resource, then offers the freed seats to that slot's waitlist.
 * KEYS: taken, bookings, byStart, members, waitlist of the old slot, idempotency.
 * ARGV: bookingId, actor, now, oldStart, newStart, newEnd, capacity, offerId, offerExpiresAt, idempotencyTtlSec.
 * Returns `ok promotedId bookingJson` | `duplicate id` | `missing` | `forbidden` | `moved` | `not_confirmed` |
 * `same` | `already` | `full free`.
 */
export const MOVE = `${HELPERS}
if redis.call('GET', KEYS[6]) then return {'duplicate', ARGV[1]} end
local raw = redis.call('HGET', KEYS[2], ARGV[1])
if not raw then return {'missing'} end
local b = cjson.decode(raw)
local now, new_start, capacity = tonumber(ARGV[3]), tonumber(ARGV[5]), tonumber(ARGV[7])
if b.status == 'cancelled' then return {'missing'} end
if b.userId ~= ARGV[2] then return {'forbidden'} end
if b.status ~= 'confirmed' then return {'not_confirmed'} end
if b.start ~= tonumber(ARGV[4]) then return {'moved'} end
if new_start == b.start then return {'same'} end
local mine = live(members_of(KEYS[4], b.userId), now)
if has_slot(mine, new_start) then return {'already'} end
local taken = tonumber(redis.call('HGET', KEYS[1], ARGV[5]) or '0')
if taken + b.party > capacity then return {'full', tostring(capacity - taken)} end
add_seats(KEYS[1], ARGV[4], -b.party)
add_seats(KEYS[1], ARGV[5], b.party)
b.start = new_start
b['end'] = tonumber(ARGV[6])
local json = cjson.encode(b)
redis.call('HSET', KEYS[2], ARGV[1], json)
redis.call('ZADD', KEYS[3], ARGV[5], ARGV[1])
mine = without(mine, ARGV[1])
table.insert(mine, {new_start, ARGV[1]})
save_members(KEYS[4], b.userId, mine)
redis.call('SET', KEYS[6], ARGV[1], 'EX', ARGV[10])
local promoted = promote(KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], ARGV[4], capacity, now, ARGV[8], tonumber(ARGV[9]))
return {'ok', promoted, json}
`;

/**
 * The waitlisted member confirms the seats offered to them.
 * KEYS: bookings. ARGV: bookingId, actor, now.
 * Returns `ok bookingJson` | `missing` | `forbidden` | `not_offered` | `expired`.
 */
export const ACCEPT = `
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return {'missing'} end
local b = cjson.decode(raw)
if b.status == 'cancelled' then return {'missing'} end
if b.userId ~= ARGV[2] then return {'forbidden'} end
if b.status ~= 'offered' then return {'not_offered'} end
if tonumber(ARGV[3]) >= b.offerExpiresAt then return {'expired'} end
b.status = 'confirmed'
b.offerExpiresAt = nil
local json = cjson.encode(b)
redis.call('HSET', KEYS[1], ARGV[1], json)
return {'ok', json}
`;

/**
 * Puts a member on a full slot's waitlist.
 * KEYS: taken, members, waitlist. ARGV: entryJson, userId, start, capacity, party, now, maxLength.
 * Returns `ok position` | `available` | `already_waiting` | `already` | `waitlist_full`.
 */
export const JOIN_WAITLIST = `${HELPERS}
local start, now = tonumber(ARGV[3]), tonumber(ARGV[6])
if has_slot(live(members_of(KEYS[2], ARGV[2]), now), start) then return {'already'} end
local entries = redis.call('LRANGE', KEYS[3], 0, -1)
for _, raw in ipairs(entries) do
  if cjson.decode(raw).userId == ARGV[2] then return {'already_waiting'} end
end
local taken = tonumber(redis.call('HGET', KEYS[1], ARGV[3]) or '0')
if #entries == 0 and taken + tonumber(ARGV[5]) <= tonumber(ARGV[4]) then return {'available'} end
if #entries >= tonumber(ARGV[7]) then return {'waitlist_full'} end
local position = redis.call('RPUSH', KEYS[3], ARGV[1])
-- Nobody waits for a slot that has started: the list goes away by itself then.
redis.call('PEXPIREAT', KEYS[3], ARGV[3])
return {'ok', tostring(position)}
`;

/**
 * Deletes bookings (live and cancelled) whose slot started before a cut-off: the retention limit.
 * KEYS: taken, bookings, byStart, ended. ARGV: cutoff (ms), most to delete per index.
 * Returns `ok count`.
 */
export const PRUNE = `
local removed = 0
for _, index in ipairs({KEYS[3], KEYS[4]}) do
  local entries = redis.call('ZRANGEBYSCORE', index, '-inf', '(' .. ARGV[1], 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[2]))
  for i = 1, #entries, 2 do
    redis.call('HDEL', KEYS[2], entries[i])
    redis.call('ZREM', index, entries[i])
    redis.call('HDEL', KEYS[1], entries[i + 1])
    removed = removed + 1
  end
end
return {'ok', tostring(removed)}
`;
