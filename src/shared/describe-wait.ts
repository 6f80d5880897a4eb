/** A wait as people say it: seconds up to a minute and a half, then whole minutes (rounded up). */
export function waitIn(seconds: number): { unit: 'seconds' | 'minutes'; count: number } {
  return seconds < 90 ? { unit: 'seconds', count: seconds } : { unit: 'minutes', count: Math.ceil(seconds / 60) };
}

/** "3 seconds", "2 minutes". */
export function describeWait(seconds: number): string {
  const { unit, count } = waitIn(seconds);
  return `${count} ${count === 1 ? unit.slice(0, -1) : unit}`;
}
