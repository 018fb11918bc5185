// Text that comes from settings or from the service (tenant names, vetting reasons, error texts) is shown
// as text: never as a theme icon, a link, markup or a second line. A workspace or a service answer could
// otherwise make an In Review tenant look approved ("$(pass-filled) Approved") or plant a clickable link.

/** Longest untrusted text shown in one place; the full value stays in settings or the log. */
export const MAX_SHOWN = 256;

// control characters and every line or paragraph separator (a newline would break a bold title)
const BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
// no icon: VS Code renders `$(name)` wherever the two characters meet, before or after markdown escapes
const ICON = /\$\(/g;
// no notification link: notifications turn `[label](target)` into a link
const LINK = /\]\(/g;
const ZWSP = '\u200b';

/** One line, at most `max` characters (cut with an ellipsis), whitespace collapsed. */
export function singleLine(text: string, max = MAX_SHOWN): string {
  const s = String(text).replace(BREAKS, ' ').replace(/\s{2,}/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** For plain-text places that still render icons or links: notifications, quick picks, status bar. */
export function plainText(text: string, max = MAX_SHOWN): string {
  return singleLine(text, max).replace(ICON, `$${ZWSP}(`).replace(LINK, `]${ZWSP}(`);
}

/**
 * For markdown (tooltips): every ASCII punctuation character escaped, so no emphasis, table cell, HTML,
 * link or autolink (an escaped ":" or "." is not a web address), and no icon.
 */
export function markdownText(text: string, max = MAX_SHOWN): string {
  return singleLine(text, max).replace(ICON, `$${ZWSP}(`).replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** For a markdown code span (request ids from response headers): no backtick to end it early, one line. */
export function codeText(text: string, max = 128): string {
  return singleLine(text, max).replace(/`/g, "'").replace(ICON, `$${ZWSP}(`);
}
