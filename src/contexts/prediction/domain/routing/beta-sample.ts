/**
 * Draws from Beta(alpha, beta) as X / (X + Y) with X ~ Gamma(alpha), Y ~ Gamma(beta), each by
 * Marsaglia and Tsang's method (ACM TOMS 26(3), 2000), from the uniform draws of `random`: the
 * routing's seeded source in tests. Parameters are at least 1 here (a uniform prior plus counts),
 * the case the method covers without its boost for shapes below 1.
 */
export function sampleBeta(alpha: number, beta: number, random: () => number): number {
  if (!(alpha >= 1 && beta >= 1)) throw new RangeError('sampleBeta takes parameters of at least 1');
  const x = sampleGamma(alpha, random);
  const y = sampleGamma(beta, random);
  return x / (x + y);
}

function sampleGamma(shape: number, random: () => number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    // The squeeze accepts most draws without the logarithms.
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Box–Muller; 1 - random() keeps the logarithm's argument in (0, 1]. */
function standardNormal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
