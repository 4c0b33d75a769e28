// How surprising an observed count is against an expected one: quasi-Poisson and binomial upper tails, in -log10 units.

/**
 * `-log10 P(X >= observed)` when X follows a Poisson law of mean `expected`, inflated by
 * `dispersion` (variance = mean + dispersion x mean^2, the negative-binomial form). The
 * overdispersion is handled the quasi-Poisson way: both counts are divided by
 * `1 + dispersion x expected`, which matches the variance, and the Poisson tail is read
 * through the regularised incomplete gamma function so non-integer counts work.
 * Returns 0 when observed <= expected (nothing surprising). 6 means a one-in-a-million excess.
 */
export function countSurprise(observed: number, expected: number, dispersion = 0): number {
  if (!(observed > expected)) return 0;
  const safeExpected = Math.max(expected, 1e-6);
  const inflation = 1 + Math.max(0, dispersion) * safeExpected;
  const x = observed / inflation;
  const mean = safeExpected / inflation;
  // P(Poisson(mean) >= x) = P(x, mean), the regularised lower incomplete gamma function.
  return -logRegularizedLowerGamma(x, mean) / Math.LN10;
}

/**
 * `-log10 P(X >= successes)` when X is binomial with `trials` draws of probability `p`: how
 * surprising it is that so many of the occurrences fell on one side. Summed term by term in log
 * space, so it is meant for a few thousand trials at most.
 */
export function binomialSurprise(successes: number, trials: number, p: number): number {
  if (successes <= 0) return 0;
  if (successes > trials || p <= 0) return Infinity;
  if (p >= 1) return 0;
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  const logTerm = (j: number) => logGamma(trials + 1) - logGamma(j + 1) - logGamma(trials - j + 1) + j * logP + (trials - j) * logQ;
  const first = logTerm(successes);
  let sum = 0;
  for (let j = successes; j <= trials; j++) sum += Math.exp(logTerm(j) - first);
  return Math.max(0, -(first + Math.log(sum)) / Math.LN10);
}

/** ln P(a, x) where P is the regularised lower incomplete gamma function (a > 0, x >= 0). */
export function logRegularizedLowerGamma(a: number, x: number): number {
  if (x <= 0) return -Infinity;
  if (x < a + 1) {
    // Series: P = e^-x x^a / Gamma(a+1) * sum_n x^n / ((a+1)...(a+n)); exact in log form even when tiny.
    let term = 1;
    let sum = 1;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * 1e-15) break;
    }
    return -x + a * Math.log(x) - logGamma(a + 1) + Math.log(sum);
  }
  // Continued fraction for Q = 1 - P (Lentz), then P = 1 - Q: here P is not small.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  const q = Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
  return Math.log(Math.max(1e-300, 1 - q));
}

/** ln Gamma(z) for z > 0 (Lanczos approximation, g = 7, about 15 significant digits). */
export function logGamma(z: number): number {
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const coefficients = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const zm1 = z - 1;
  let sum = coefficients[0];
  for (let i = 1; i < coefficients.length; i++) sum += coefficients[i] / (zm1 + i);
  const t = zm1 + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (zm1 + 0.5) * Math.log(t) - t + Math.log(sum);
}
