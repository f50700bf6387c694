/**
 * Nelder–Mead simplex minimisation (Lagarias et al. 1998 coefficients: reflection 1, expansion 2,
 * contraction ½, shrink ½). Derivative-free and cheap: enough for a handful of smoothing
 * parameters mapped to unbounded coordinates. Pure.
 */
export type MinimiseOptions = {
  /** Initial simplex edge along each coordinate (default 1). */
  step?: number | number[];
  maxEvaluations?: number;
  /** Stop when the simplex' values differ by less than this (absolute, plus relative to the best). */
  tolerance?: number;
};

export type Minimum = { x: number[]; value: number; evaluations: number };

export function minimise(f: (x: number[]) => number, x0: number[], o: MinimiseOptions = {}): Minimum {
  const d = x0.length;
  const maxEval = o.maxEvaluations ?? 200 * d;
  const tol = o.tolerance ?? 1e-8;
  let evaluations = 0;
  const fx = (x: number[]) => {
    evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  const steps = Array.isArray(o.step) ? o.step : Array.from({ length: d }, () => (o.step as number | undefined) ?? 1);
  const simplex: { x: number[]; v: number }[] = [{ x: [...x0], v: fx(x0) }];
  for (let i = 0; i < d; i++) {
    const x = [...x0];
    x[i] += steps[i];
    simplex.push({ x, v: fx(x) });
  }
  const combine = (a: number[], b: number[], t: number) => a.map((ai, i) => ai + t * (b[i] - ai));

  while (evaluations < maxEval) {
    simplex.sort((p, q) => p.v - q.v);
    const best = simplex[0];
    const worst = simplex[d];
    if (Math.abs(worst.v - best.v) <= tol * (1 + Math.abs(best.v))) break;
    const centroid = new Array<number>(d).fill(0);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) centroid[j] += simplex[i].x[j] / d;

    const xr = combine(centroid, worst.x, -1);
    const vr = fx(xr);
    if (vr < best.v) {
      const xe = combine(centroid, worst.x, -2);
      const ve = fx(xe);
      simplex[d] = ve < vr ? { x: xe, v: ve } : { x: xr, v: vr };
    } else if (vr < simplex[d - 1].v) {
      simplex[d] = { x: xr, v: vr };
    } else {
      const outside = vr < worst.v;
      const xc = outside ? combine(centroid, xr, 0.5) : combine(centroid, worst.x, 0.5);
      const vc = fx(xc);
      if (vc < (outside ? vr : worst.v)) simplex[d] = { x: xc, v: vc };
      else {
        for (let i = 1; i <= d; i++) {
          const x = combine(best.x, simplex[i].x, 0.5);
          simplex[i] = { x, v: fx(x) };
        }
      }
    }
  }
  simplex.sort((p, q) => p.v - q.v);
  return { x: simplex[0].x, value: simplex[0].v, evaluations };
}
