// The most arrivals inside any window of `windowMs` ms: how the rate-gate tests, the misbehaving-server
// tests and the benchmark check a sliding-window budget.
export function busiestWindow(times: readonly number[], windowMs: number): number {
  const s = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < s.length; i++) {
    while (s[i]! - s[j]! >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}
