/**
 * Cron as the Rust server reads it (util.rs@v0.9.5, the `cron` crate 0.12): a 5-field expression
 * (min hour dom month dow) gets a `0` seconds field in front; 6 or 7 fields (sec min hour dom month dow [year])
 * are read as they are. Times are UTC. Days of the week run 1–7 with 1 = Sunday (SUN–SAT, or the full names); a day must match both
 * the day-of-month and the day-of-week field. Macros such as `@daily` are not accepted.
 */

/** names: each value's accepted names (case-insensitive), from `min` on. */
type Field = { min: number; max: number; names?: ReadonlyArray<readonly string[]> };

const MONTHS = [
  ['jan', 'january'],
  ['feb', 'february'],
  ['mar', 'march'],
  ['apr', 'april'],
  ['may'],
  ['jun', 'june'],
  ['jul', 'july'],
  ['aug', 'august'],
  ['sep', 'september'],
  ['oct', 'october'],
  ['nov', 'november'],
  ['dec', 'december'],
] as const;
const DAYS = [['sun', 'sunday'], ['mon', 'monday'], ['tue', 'tues', 'tuesday'], ['wed', 'wednesday'], ['thu', 'thurs', 'thursday'], ['fri', 'friday'], ['sat', 'saturday']] as const;

const FIELDS: readonly Field[] = [
  { min: 0, max: 59 }, // seconds
  { min: 0, max: 59 }, // minutes
  { min: 0, max: 23 }, // hours
  { min: 1, max: 31 }, // day of month
  { min: 1, max: 12, names: MONTHS },
  { min: 1, max: 7, names: DAYS },
  { min: 1970, max: 2100 }, // year
];

export type CronSchedule = { sets: Array<Set<number>> };

function value(text: string, field: Field): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const lower = text.toLowerCase();
  const i = field.names?.findIndex((names) => names.includes(lower)) ?? -1;
  return i >= 0 ? i + field.min : null;
}

function parseField(text: string, field: Field): Set<number> | null {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [rangeText = '', stepText, extra] = part.split('/');
    if (extra !== undefined) return null;
    const step = stepText === undefined ? 1 : /^\d+$/.test(stepText) ? Number(stepText) : 0;
    if (step < 1) return null;
    let from: number;
    let to: number;
    if (rangeText === '*' || rangeText === '?') {
      from = field.min;
      to = field.max;
    } else {
      const [a = '', b, more] = rangeText.split('-');
      if (more !== undefined) return null;
      const lo = value(a, field);
      if (lo === null) return null;
      const hi = b === undefined ? (stepText === undefined ? lo : field.max) : value(b, field);
      if (hi === null) return null;
      from = lo;
      to = hi;
    }
    if (from < field.min || to > field.max || from > to) return null;
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

/** The expression the server hands to the `cron` crate. */
export function normalizeCron(expr: string): string {
  const fields = expr.split(/\s+/).filter((f) => f !== '');
  return fields.length === 5 ? `0 ${expr.trim()}` : expr.trim();
}

export function parseCron(expr: string): CronSchedule | null {
  const fields = normalizeCron(expr).split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 6 && fields.length !== 7) return null;
  const sets: Array<Set<number>> = [];
  for (let i = 0; i < 7; i++) {
    const spec = FIELDS[i];
    if (!spec) return null;
    const set = parseField(fields[i] ?? '*', spec);
    if (!set) return null;
    sets.push(set);
  }
  return { sets };
}

export const isValidCron = (expr: string): boolean => parseCron(expr) !== null;

const sorted = (s: Set<number> | undefined): number[] => [...(s ?? [])].sort((a, b) => a - b);

/** The first time strictly after `afterMs` (read at whole seconds) that the schedule fires, in ms; null if none. */
export function nextCron(schedule: CronSchedule, afterMs: number): number | null {
  const [secs, mins, hours, doms, months, dows, years] = schedule.sets;
  const afterSec = Math.floor(afterMs / 1000);
  const start = new Date(afterSec * 1000);
  const secList = sorted(secs);
  const minList = sorted(mins);
  const hourList = sorted(hours);
  let day = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
  const lastDay = Date.UTC(2101, 0, 1);
  for (; day < lastDay; day += 86_400_000) {
    const d = new Date(day);
    if (!years?.has(d.getUTCFullYear()) || !months?.has(d.getUTCMonth() + 1) || !doms?.has(d.getUTCDate()) || !dows?.has(d.getUTCDay() + 1)) continue;
    for (const h of hourList) {
      for (const m of minList) {
        for (const s of secList) {
          const t = day / 1000 + h * 3600 + m * 60 + s;
          if (t > afterSec) return t * 1000;
        }
      }
    }
  }
  return null;
}

/** util.rs compute_next_cron: the next run after `afterMs`, or 60 s later when there is none. */
export function computeNextCron(expr: string, afterMs: number): number {
  const schedule = parseCron(expr);
  const next = schedule ? nextCron(schedule, afterMs) : null;
  return next ?? afterMs + 60_000;
}
