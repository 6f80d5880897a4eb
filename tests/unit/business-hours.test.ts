import { describe, expect, it } from 'vitest';
import { isOpen, nextOpening, parseBusinessHours } from '../../src/shared/business-hours.js';

describe('business hours', () => {
  const hours = parseBusinessHours('mon-fri 09:00-17:30', 'Europe/Amsterdam');
  // 2026-11-25 is a Wednesday; Amsterdam is UTC+1 in November.
  it('knows when the team is in, in the shop time zone', () => {
    expect(isOpen(hours, new Date('2026-11-25T08:30:00Z'))).toBe(true);
    expect(isOpen(hours, new Date('2026-11-25T07:30:00Z'))).toBe(false);
    expect(isOpen(hours, new Date('2026-11-28T12:00:00Z'))).toBe(false);
  });
  it('says when someone will reply', () => {
    expect(nextOpening(hours, new Date('2026-11-25T06:00:00Z'))).toBe('today at 09:00');
    expect(nextOpening(hours, new Date('2026-11-25T20:00:00Z'))).toBe('tomorrow at 09:00');
    expect(nextOpening(hours, new Date('2026-11-28T12:00:00Z'))).toBe('Monday at 09:00');
  });
  it('rejects a malformed specification clearly', () => {
    expect(() => parseBusinessHours('weekdays 9-5', 'UTC')).toThrow(/should look like/);
    expect(() => parseBusinessHours('mon-fry 09:00-17:00', 'UTC')).toThrow(/unknown day/);
    expect(() => parseBusinessHours('mon 18:00-09:00', 'UTC')).toThrow(/after opening/);
  });
});
