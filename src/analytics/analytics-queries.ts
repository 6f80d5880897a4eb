/**
 * The SQL of the studio's commerce analytics. Every query takes $1 = from and $2 = to (exclusive);
 * days are UTC. `conv` is the conversations started in the range in which the shopper wrote, with
 * the prompt version of their first assistant reply (the version that answered them).
 */
const CONV = `
conv AS (
  SELECT c.id, c.cart_id, c.created_at,
    (SELECT m.meta FROM messages m WHERE m.conversation_id = c.id AND m.role = 'assistant'
       AND m.meta ? 'promptVersion' ORDER BY m.id LIMIT 1) AS answered,
    EXISTS (SELECT 1 FROM human_requests h WHERE h.conversation_id = c.id) AS handed_off,
    EXISTS (SELECT 1 FROM cart_events e WHERE e.cart_id = c.cart_id AND e.action = 'add'
       AND e.created_at >= c.created_at) AS added
  FROM conversations c
  WHERE c.created_at >= $1 AND c.created_at < $2
    AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.role = 'user')
)`;

const LIVE_ORDER = `o.conversation_id IS NOT NULL AND o.status NOT IN ('cancelled', 'returned')`;

export const HEADLINE = `
WITH ${CONV}
SELECT count(*)::int AS conversations,
  count(*) FILTER (WHERE NOT conv.handed_off)::int AS contained,
  count(*) FILTER (WHERE conv.handed_off)::int AS handed_off,
  count(*) FILTER (WHERE conv.added)::int AS added,
  count(r.rating)::int AS csat_count,
  avg(r.rating)::float AS csat_average
FROM conv LEFT JOIN ratings r ON r.conversation_id = conv.id`;

export const HANDOFF_REASONS = `
WITH ${CONV}
SELECT h.source, h.reason, count(DISTINCT h.conversation_id)::int AS conversations
FROM conv JOIN human_requests h ON h.conversation_id = conv.id
GROUP BY h.source, h.reason ORDER BY conversations DESC, h.source, h.reason LIMIT 20`;

export const ADDED_TO_CART = `
WITH ${CONV}
SELECT trim(v.currency) AS currency, sum(e.quantity)::int AS items,
  sum(e.quantity * v.price_minor)::text AS value
FROM conv JOIN cart_events e ON e.cart_id = conv.cart_id AND e.action = 'add'
  AND e.created_at >= conv.created_at AND e.created_at < $2
  JOIN variants v ON v.sku = e.sku
GROUP BY trim(v.currency) ORDER BY trim(v.currency)`;

export const ORDERS = `
SELECT trim(o.currency) AS currency, count(*)::int AS orders, sum(o.total_minor)::text AS total
FROM orders o WHERE ${LIVE_ORDER} AND o.placed_at >= $1 AND o.placed_at < $2
GROUP BY trim(o.currency) ORDER BY trim(o.currency)`;

export const SEARCH_TOTALS = `
SELECT count(*)::int AS searches, count(*) FILTER (WHERE zero_result)::int AS zero_result
FROM search_events WHERE created_at >= $1 AND created_at < $2`;

export const TOP_SEARCHES = `
SELECT normalized_query AS query, count(*)::int AS searches,
  count(*) FILTER (WHERE zero_result)::int AS zero_result
FROM search_events WHERE created_at >= $1 AND created_at < $2
GROUP BY normalized_query ORDER BY searches DESC, normalized_query LIMIT $3`;

export const ZERO_RESULT_SEARCHES = `
SELECT normalized_query AS query, count(*)::int AS searches, max(created_at) AS last_at
FROM search_events WHERE created_at >= $1 AND created_at < $2 AND zero_result
GROUP BY normalized_query ORDER BY searches DESC, normalized_query LIMIT $3`;

/** Products the assistant showed in its replies (the handles a reply records), by conversations. */
export const PRODUCTS_ASKED_ABOUT = `
WITH ${CONV}
SELECT shown.handle, min(p.title) AS title, count(DISTINCT m.conversation_id)::int AS conversations
FROM conv JOIN messages m ON m.conversation_id = conv.id AND m.role = 'assistant'
  CROSS JOIN LATERAL jsonb_array_elements_text(
    CASE WHEN jsonb_typeof(m.meta->'products') = 'array' THEN m.meta->'products' ELSE '[]'::jsonb END
  ) AS shown(handle)
  LEFT JOIN products p ON p.handle = shown.handle
GROUP BY shown.handle ORDER BY conversations DESC, shown.handle LIMIT $3`;

/** One row a day; orders and revenue in the shop's currency ($3). */
export const DAILY = `
WITH ${CONV},
days AS (SELECT generate_series(date_trunc('day', $1::timestamptz AT TIME ZONE 'UTC'),
  date_trunc('day', ($2::timestamptz - interval '1 millisecond') AT TIME ZONE 'UTC'), interval '1 day') AS day)
SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
  (SELECT count(*) FROM conv WHERE date_trunc('day', conv.created_at AT TIME ZONE 'UTC') = d.day)::int AS conversations,
  (SELECT count(*) FROM conv WHERE conv.handed_off
     AND date_trunc('day', conv.created_at AT TIME ZONE 'UTC') = d.day)::int AS handoffs,
  (SELECT count(*) FROM conv WHERE conv.added
     AND date_trunc('day', conv.created_at AT TIME ZONE 'UTC') = d.day)::int AS added,
  (SELECT count(*) FROM orders o WHERE ${LIVE_ORDER} AND trim(o.currency) = $3
     AND date_trunc('day', o.placed_at AT TIME ZONE 'UTC') = d.day)::int AS orders,
  (SELECT COALESCE(sum(o.total_minor), 0) FROM orders o WHERE ${LIVE_ORDER} AND trim(o.currency) = $3
     AND date_trunc('day', o.placed_at AT TIME ZONE 'UTC') = d.day)::text AS revenue,
  (SELECT count(*) FROM search_events s WHERE s.created_at >= $1 AND s.created_at < $2
     AND date_trunc('day', s.created_at AT TIME ZONE 'UTC') = d.day)::int AS searches,
  (SELECT count(*) FROM search_events s WHERE s.created_at >= $1 AND s.created_at < $2 AND s.zero_result
     AND date_trunc('day', s.created_at AT TIME ZONE 'UTC') = d.day)::int AS zero_result
FROM days d ORDER BY d.day`;

/** The headline figures per prompt version (the first reply's); orders and revenue in the shop's currency ($3). */
export const BY_PROMPT_VERSION = `
WITH ${CONV},
v AS (SELECT conv.*, conv.answered->>'promptVersion' AS version FROM conv WHERE conv.answered IS NOT NULL)
SELECT v.version, (array_agg(v.answered->'promptVersions' ORDER BY v.created_at DESC))[1] AS versions,
  count(*)::int AS conversations,
  count(*) FILTER (WHERE v.handed_off)::int AS handed_off,
  count(*) FILTER (WHERE v.added)::int AS added,
  count(r.rating)::int AS csat_count,
  avg(r.rating)::float AS csat_average,
  COALESCE(sum((SELECT count(*) FROM orders o WHERE o.conversation_id = v.id AND ${LIVE_ORDER}
    AND trim(o.currency) = $3)), 0)::int AS orders,
  COALESCE(sum((SELECT sum(o.total_minor) FROM orders o WHERE o.conversation_id = v.id AND ${LIVE_ORDER}
    AND trim(o.currency) = $3)), 0)::text AS revenue,
  COALESCE(sum((SELECT count(*) FROM search_events s WHERE s.conversation_id = v.id)), 0)::int AS searches,
  COALESCE(sum((SELECT count(*) FROM search_events s WHERE s.conversation_id = v.id AND s.zero_result)), 0)::int
    AS zero_result
FROM v LEFT JOIN ratings r ON r.conversation_id = v.id
GROUP BY v.version ORDER BY conversations DESC, v.version`;
