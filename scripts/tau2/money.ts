/**
 * Python's `round(x, 2)`, which tau2 applies to gift card balances and exchange differences.
 * JS `toFixed` rounds the exact binary value too, but breaks exact ties upwards where Python
 * rounds them to even; a tie is only possible when x is a multiple of 1/8 (e.g. 10.125).
 */
export function pyRound2(x: number): number {
  const hundredths = x * 100;
  const isExactTie = Number.isInteger(x * 8) && Math.abs(hundredths % 1) === 0.5;
  if (isExactTie) {
    const down = Math.floor(hundredths);
    return (down % 2 === 0 ? down : down + 1) / 100;
  }
  return Number(x.toFixed(2));
}

/** Dollars to integer cents: the comparison state avoids float noise such as 15.209999999999994. */
export const toCents = (dollars: number): number => Math.round(pyRound2(dollars) * 100);
