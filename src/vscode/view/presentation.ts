// How states look: labels, codicons, theme colors and badges, in one place for the tree and decorations.
import * as vscode from 'vscode';
import { singleLine } from '../../core/display/safeText';
import { TenantState } from '../../core/model/tenantStatus';
import { Qualification, VettingStatus } from '../../core/model/qualification';

interface Look {
  readonly label: string;
  readonly icon: string;
  readonly color: string;
  /** A letter or sign, never a digit (a digit reads as a count); empty for no badge. */
  readonly badge: string;
}

// the display language is fixed for the extension host's life: each look and icon is built once
// (the tree asks for them on every row; 10,000 rows made this measurable)
const looks = new Map<TenantState, Look>();
const icons = new Map<TenantState, vscode.ThemeIcon>();

export function look(state: TenantState): Look {
  let l = looks.get(state);
  if (!l) looks.set(state, (l = makeLook(state)));
  return l;
}

function makeLook(state: TenantState): Look {
  switch (state) {
    case 'Approved': return { label: vscode.l10n.t('Approved'), icon: 'pass-filled', color: 'partnerCenter.approvedForeground', badge: 'A' };
    case 'InReview': return { label: vscode.l10n.t('In review'), icon: 'clock', color: 'partnerCenter.inReviewForeground', badge: 'R' };
    case 'Denied': return { label: vscode.l10n.t('Denied'), icon: 'error', color: 'partnerCenter.deniedForeground', badge: 'D' };
    case 'Unknown': return { label: vscode.l10n.t('Unknown status'), icon: 'question', color: 'partnerCenter.unknownForeground', badge: '?' };
    case 'NotVetted': return { label: vscode.l10n.t('Held (no vetting)'), icon: 'verified', color: 'partnerCenter.approvedForeground', badge: 'H' };
    case 'None': return { label: vscode.l10n.t('No qualification'), icon: 'circle-slash', color: 'partnerCenter.uncheckedForeground', badge: '\u2205' };
    case 'Error': return { label: vscode.l10n.t('Error'), icon: 'warning', color: 'partnerCenter.errorForeground', badge: '!' };
    // the row says "not checked" and its icon is an empty circle: a badge would add nothing
    case 'Unchecked': return { label: vscode.l10n.t('Not checked'), icon: 'circle-large-outline', color: 'partnerCenter.uncheckedForeground', badge: '' };
  }
}

export function statusLabel(status: VettingStatus, raw?: string): string {
  return status === 'Unknown' && raw ? vscode.l10n.t('Unknown status "{0}"', singleLine(raw, 64)) : look(status).label;
}

/** What a tenant badge means, for the decoration's tooltip: "A: Approved. Badges: A approved, R in review...". */
export function badgeLegend(state: TenantState): string {
  const l = look(state);
  const all = (['Approved', 'InReview', 'Denied', 'Unknown', 'NotVetted', 'None', 'Error'] as const).map((s) => `${look(s).badge} ${look(s).label.toLocaleLowerCase(vscode.env.language)}`).join(', ');
  return `${l.badge ? `${l.badge}: ` : ''}${l.label}. ${vscode.l10n.t('Badges: {0} (the most significant status of the tenant).', all)}`;
}

/** Short names that fit a narrow side bar; the tooltip and the child rows keep the full ones. */
const SHORT_NAMES: Record<string, string> = { GovernmentCommunityCloud: 'GCC', StateOwnedEntity: 'SOE' };

/**
 * A tenant's qualifications in a few words, for its row: "Education Approved", "GCC Approved · SOE",
 * "Education Denied: Not an Academic Domain". A qualification held without vetting is just its name.
 * `shown`: the status the row's icon, colour and badge already say; at the default side bar width the row
 * has room for a few words after the name, so those go to the qualification and the reason instead of
 * repeating it ("Education · 5 min ago" under an Approved icon). An unknown status keeps its raw text.
 */
export function qualificationsSummary(qualifications: readonly Qualification[], shown?: TenantState): string {
  if (qualifications.length === 0) return vscode.l10n.t('No qualification');
  // the most significant first (as the row's icon), those held without vetting last
  const order: VettingStatus[] = ['Denied', 'InReview', 'Unknown', 'Approved', 'NotVetted'];
  const sorted = [...qualifications].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
  return sorted.map((q) => {
    const name = SHORT_NAMES[q.name] ?? q.name;
    if (q.status === 'NotVetted') return name;
    const text = q.status === shown && q.status !== 'Unknown' ? name : `${name} ${statusLabel(q.status, q.rawStatus)}`;
    return q.status === 'Denied' && q.reason ? `${text}: ${q.reason}` : text;
  }).join(' · ');
}

export function icon(state: TenantState): vscode.ThemeIcon {
  let i = icons.get(state);
  if (!i) icons.set(state, (i = new vscode.ThemeIcon(look(state).icon, new vscode.ThemeColor(look(state).color))));
  return i;
}

/** "5 min ago", "yesterday"... through Intl, so it follows the display language. */
let relative: Intl.RelativeTimeFormat | undefined;

export function ago(at: number, now = Date.now()): string {
  // long style ("3 hours ago", "yesterday"), but minutes as the README writes them ("5 min ago", not "5 min. ago")
  const rtf = (relative ??= new Intl.RelativeTimeFormat(vscode.env.language, { numeric: 'auto', style: 'long' }));
  const s = Math.round((at - now) / 1000);
  if (Math.abs(s) < 60) return rtf.format(0, 'second') === 'now' ? vscode.l10n.t('just now') : rtf.format(s, 'second');
  const m = Math.round(s / 60);
  if (m < 0 && m > -60) return vscode.l10n.t('{0} min ago', -m);
  if (Math.abs(m) < 60) return rtf.format(m, 'minute');
  const h = Math.round(m / 60);
  if (Math.abs(h) < 24) return rtf.format(h, 'hour');
  return rtf.format(Math.round(h / 24), 'day');
}

export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatDay(d.getTime());
}

// the one date format of rows, tooltips and history ("Nov 28, 2026" in English), with the time where useful
let day: Intl.DateTimeFormat | undefined;
let dayTime: Intl.DateTimeFormat | undefined;

export function formatDay(at: number): string {
  return (day ??= new Intl.DateTimeFormat(vscode.env.language, { year: 'numeric', month: 'short', day: 'numeric' })).format(at);
}

/** "Nov 30, 2026, 2:05 PM" in the display language. */
export function formatDayTime(at: number): string {
  return (dayTime ??= new Intl.DateTimeFormat(vscode.env.language, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' })).format(at);
}
