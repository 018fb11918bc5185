// The scenario 2b/2c charts: requests per second against time (answered 200 and 429), the requests the
// service counted in the trailing window, and the service's limit drawn on the axis it belongs to.

export interface RateTrace {
  readonly title: string;
  /** Epoch ms of every qualifications request the service saw, and its answer. */
  readonly at: readonly number[];
  readonly status: readonly number[];
  readonly start: number;
  readonly windowMs: number;
  /** perSecond: drawn on the rate axis; perWindow: on the trailing-window axis. */
  readonly limits: readonly { label: string; perSecond?: number; perWindow?: number }[];
}

export function rateChartSvg(t: RateTrace): string {
  const seconds = Math.max(1, Math.ceil((Math.max(t.start, ...t.at) - t.start) / 1000));
  const ok = new Array<number>(seconds + 1).fill(0);
  const throttled = new Array<number>(seconds + 1).fill(0);
  t.at.forEach((at, i) => { const s = Math.floor((at - t.start) / 1000); (t.status[i] === 429 ? throttled : ok)[s]!++; });
  // requests the service saw in the window ending at each second
  const sorted = [...t.at].sort((a, b) => a - b);
  const inWindow = ok.map((_, s) => {
    const end = t.start + (s + 1) * 1000;
    return sorted.filter((x) => x <= end && x > end - t.windowMs).length;
  });
  const W = 760, H = 320, L = 52, B = 40, T = 30, R = 56;
  const rateLimit = Math.max(0, ...t.limits.map((l) => l.perSecond ?? 0));
  const windowLimit = Math.max(0, ...t.limits.map((l) => l.perWindow ?? 0));
  const maxRate = Math.max(rateLimit * 1.5, 1, ...ok.map((v, i) => v + throttled[i]!)) * 1.05;
  const maxWin = Math.max(windowLimit * 1.25, ...inWindow, 1);
  const x = (s: number) => L + (s / seconds) * (W - L - R);
  const yRate = (v: number) => H - B - (v / maxRate) * (H - B - T);
  const yWin = (v: number) => H - B - (v / maxWin) * (H - B - T);
  const steps = (vals: number[], y: (v: number) => number) => vals.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)} ${x(i + 1).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const ticksX = Array.from({ length: 7 }, (_, i) => Math.round((i * seconds) / 6));
  const ticksY = Array.from({ length: 5 }, (_, i) => (i * maxRate) / 4);
  const ticksW = Array.from({ length: 5 }, (_, i) => (i * maxWin) / 4);
  const limitLines = t.limits.map((l) => {
    const y = l.perSecond !== undefined ? yRate(l.perSecond) : yWin(l.perWindow ?? 0);
    return `<line x1="${L}" x2="${W - R}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#c72e0f" stroke-dasharray="6 4"/>
<text x="${W - R - 4}" y="${(y - 6).toFixed(1)}" text-anchor="end" fill="#c72e0f">${esc(l.label)}${l.perSecond !== undefined ? ' (left axis)' : ' (right axis)'}</text>`;
  }).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">
<rect width="${W}" height="${H}" fill="#fff"/>
<text x="${L}" y="18" font-size="13" font-weight="bold">${esc(t.title)}</text>
${ticksY.map((v) => `<line x1="${L}" x2="${W - R}" y1="${yRate(v).toFixed(1)}" y2="${yRate(v).toFixed(1)}" stroke="#eee"/><text x="${L - 6}" y="${(yRate(v) + 4).toFixed(1)}" text-anchor="end">${v.toFixed(v < 10 ? 1 : 0)}</text>`).join('\n')}
${ticksW.map((v) => `<text x="${W - R + 6}" y="${(yWin(v) + 4).toFixed(1)}" fill="#2e7d32">${Math.round(v)}</text>`).join('\n')}
${ticksX.map((s) => `<text x="${x(s).toFixed(1)}" y="${H - B + 16}" text-anchor="middle">${s}s</text>`).join('\n')}
<text x="12" y="${T - 8}" fill="#555">req/s</text><text x="${W - 4}" y="${T - 8}" text-anchor="end" fill="#2e7d32">in last ${t.windowMs / 1000} s</text>
<polyline fill="none" stroke="#2e7d32" stroke-width="1.5" points="${steps(inWindow, yWin)}"/>
<polyline fill="none" stroke="#0a66c2" stroke-width="1.2" points="${steps(ok, yRate)}"/>
<polyline fill="none" stroke="#bf8803" stroke-width="1.2" points="${steps(throttled, yRate)}"/>
${limitLines}
<text x="${L + 8}" y="${H - 8}" fill="#0a66c2">answered 200 per second</text><text x="${L + 170}" y="${H - 8}" fill="#bf8803">answered 429 per second</text><text x="${L + 340}" y="${H - 8}" fill="#2e7d32">requests the service saw in the last ${t.windowMs / 1000} s</text>
</svg>
`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
