// The scenario 2 chart: requests per second against time, 429s marked, the service limit drawn.
import { RateTrace } from './scenarios';

export function rateChartSvg(t: RateTrace): string {
  const seconds = Math.max(1, Math.ceil((Math.max(...t.at) - t.start) / 1000));
  const ok = new Array<number>(seconds + 1).fill(0);
  const throttled = new Array<number>(seconds + 1).fill(0);
  t.at.forEach((at, i) => { const s = Math.floor((at - t.start) / 1000); (t.status[i] === 429 ? throttled : ok)[s]!++; });
  const limit = t.limitPerMinute / 60;
  const W = 720, H = 300, L = 48, B = 36, T = 24, R = 16;
  const maxY = Math.max(limit * 1.6, ...ok.map((v, i) => v + throttled[i]!));
  const x = (s: number) => L + (s / seconds) * (W - L - R);
  const y = (v: number) => H - B - (v / maxY) * (H - B - T);
  const line = (vals: number[]) => vals.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const ticksX = Array.from({ length: 7 }, (_, i) => Math.round((i * seconds) / 6));
  const ticksY = Array.from({ length: 5 }, (_, i) => (i * maxY) / 4);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">
<rect width="${W}" height="${H}" fill="#fff"/>
<text x="${L}" y="16" font-size="13" font-weight="bold">Refresh of ${t.at.length} requests against a ${t.limitPerMinute}/min limit: requests per second</text>
${ticksY.map((v) => `<line x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}" stroke="#eee"/><text x="${L - 6}" y="${y(v) + 4}" text-anchor="end">${v.toFixed(1)}</text>`).join('\n')}
${ticksX.map((s) => `<text x="${x(s)}" y="${H - B + 16}" text-anchor="middle">${s}s</text>`).join('\n')}
<line x1="${L}" x2="${W - R}" y1="${y(limit)}" y2="${y(limit)}" stroke="#c72e0f" stroke-dasharray="6 4"/>
<text x="${W - R}" y="${y(limit) - 6}" text-anchor="end" fill="#c72e0f">service limit ${limit.toFixed(2)}/s</text>
<polyline fill="none" stroke="#0a66c2" stroke-width="1.5" points="${line(ok)}"/>
<polyline fill="none" stroke="#bf8803" stroke-width="1.5" points="${line(throttled)}"/>
<text x="${L + 8}" y="${H - 6}" fill="#0a66c2">answered 200</text><text x="${L + 110}" y="${H - 6}" fill="#bf8803">answered 429</text>
</svg>
`;
}
