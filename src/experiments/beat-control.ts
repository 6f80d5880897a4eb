/** Successes out of trials for one variant on a yes/no metric. */
export interface Tally {
  successes: number;
  trials: number;
}

/** How the probability to beat the control is computed; the studio states it beside the numbers. */
export const BEAT_CONTROL_METHOD =
  'Beta-Binomial with a uniform Beta(1,1) prior; P(variant beats control) from the normal approximation ' +
  'of the difference of the two Beta posteriors (closed form, no sampling).';

const posterior = (t: Tally) => {
  const a = t.successes + 1;
  const b = t.trials - t.successes + 1;
  const mean = a / (a + b);
  const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
  return { mean, variance };
};

/** Standard normal CDF (Abramowitz and Stegun 7.1.26 through erf; error under 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * The probability that the variant's true rate is above the control's (or below it when
 * `lowerIsBetter`, as for a handoff rate).
 */
export function probabilityToBeatControl(variant: Tally, control: Tally, lowerIsBetter = false): number {
  const v = posterior(variant);
  const c = posterior(control);
  const diff = lowerIsBetter ? c.mean - v.mean : v.mean - c.mean;
  return normalCdf(diff / Math.sqrt(v.variance + c.variance));
}
