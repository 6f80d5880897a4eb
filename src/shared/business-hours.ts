const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface BusinessHours {
  days: Set<number>;
  openMinute: number;
  closeMinute: number;
  timezone: string;
}

/** Parses "mon-fri 09:00-17:30" (days may be a range or a comma list). Throws with a readable message. */
export function parseBusinessHours(spec: string, timezone: string): BusinessHours {
  const m = /^\s*([a-z,-]+)\s+(\d{2}):(\d{2})-(\d{2}):(\d{2})\s*$/i.exec(spec);
  if (!m) throw new Error(`"${spec}" should look like "mon-fri 09:00-17:30"`);
  const days = new Set<number>();
  for (const part of m[1].toLowerCase().split(',')) {
    const [a, b] = part.split('-');
    const from = DAYS.indexOf(a as (typeof DAYS)[number]);
    const to = b === undefined ? from : DAYS.indexOf(b as (typeof DAYS)[number]);
    if (from < 0 || to < 0) throw new Error(`unknown day in "${part}" (use mon, tue, wed, thu, fri, sat, sun)`);
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === to) break;
    }
  }
  const openMinute = Number(m[2]) * 60 + Number(m[3]);
  const closeMinute = Number(m[4]) * 60 + Number(m[5]);
  if (closeMinute <= openMinute || closeMinute > 24 * 60)
    throw new Error(`closing time must be after opening time in "${spec}"`);
  return { days, openMinute, closeMinute, timezone };
}

function localParts(at: Date, timezone: string): { day: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return {
    day: DAYS.indexOf(get('weekday').toLowerCase().slice(0, 3) as (typeof DAYS)[number]),
    minute: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

export function isOpen(hours: BusinessHours, at: Date): boolean {
  const { day, minute } = localParts(at, hours.timezone);
  return hours.days.has(day) && minute >= hours.openMinute && minute < hours.closeMinute;
}

/** When the team is next in: in how many days (0 today, 1 tomorrow), which weekday (0 Sunday) and at what time. */
export interface NextOpening {
  inDays: number;
  weekday: number;
  time: string;
}

export function nextOpeningAt(hours: BusinessHours, at: Date): NextOpening | null {
  const { day, minute } = localParts(at, hours.timezone);
  const time = `${String(Math.floor(hours.openMinute / 60)).padStart(2, '0')}:${String(hours.openMinute % 60).padStart(2, '0')}`;
  for (let offset = 0; offset < 8; offset++) {
    const d = (day + offset) % 7;
    if (!hours.days.has(d)) continue;
    if (offset === 0 && minute >= hours.openMinute) continue;
    return { inDays: offset, weekday: d, time };
  }
  return null;
}

/** "Monday at 09:00" (or "today at 09:00"): when the team is next in. */
export function nextOpening(hours: BusinessHours, at: Date): string {
  const next = nextOpeningAt(hours, at);
  if (!next) return 'soon';
  const day = next.inDays === 0 ? 'today' : next.inDays === 1 ? 'tomorrow' : NAMES[next.weekday];
  return `${day} at ${next.time}`;
}
