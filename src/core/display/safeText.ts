// Text that comes from settings or from the service (tenant names, vetting reasons, error texts) is shown
// as text: never as a theme icon, a link, markup or a second line. A workspace or a service answer could
// otherwise make an In Review tenant look approved ("$(pass-filled) Approved") or plant a clickable link.
//
// The seam: every UI surface that renders icons, links or markdown (src/vscode/display) takes only `Shown`
// (plain surfaces: notifications, quick picks, input boxes, status bar text) or `Markdown` (hovers). Only the
// functions below, the `text`/`md` tags (whose literal parts are source code) and the display module's
// `l10n.t` (whose placeholders must be `Shown` or numbers) make them; lint forbids casting to them elsewhere.

declare const shownBrand: unique symbol;
declare const markdownBrand: unique symbol;
/** Safe for a plain surface that still renders `$(icon)` and `[label](link)`. */
export type Shown = string & { readonly [shownBrand]: true };
/** Safe to append to a MarkdownString. */
export type Markdown = string & { readonly [markdownBrand]: true };

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
  // cut before the regexes so a 1 MB value costs no more than a short one
  const head = String(text).slice(0, max * 4);
  const s = head.replace(BREAKS, ' ').replace(/\s{2,}/g, ' ').trim();
  return s.length > max || head.length < String(text).length ? `${s.slice(0, max - 1)}…` : s;
}

/** For plain-text places that still render icons or links: notifications, quick picks, status bar. */
export function plainText(text: string, max = MAX_SHOWN): Shown {
  return singleLine(text, max).replace(ICON, `$${ZWSP}(`).replace(LINK, `]${ZWSP}(`) as Shown;
}

/**
 * For markdown (tooltips): every ASCII punctuation character escaped, so no emphasis, table cell, HTML,
 * link or autolink (an escaped ":" or "." is not a web address), and no icon.
 */
export function markdownText(text: string, max = MAX_SHOWN): Markdown {
  return singleLine(text, max).replace(ICON, `$${ZWSP}(`).replace(/[!-/:-@[-`{-~]/g, '\\$&') as Markdown;
}

/** A markdown code span (request ids from response headers), backticks included: no backtick inside, one line. */
export function codeText(text: string, max = 128): Markdown {
  return `\`${singleLine(text, max).replace(/`/g, "'").replace(ICON, `$${ZWSP}(`)}\`` as Markdown;
}

/** A theme icon named in code (`$(name)`), for either surface. */
export function icon(name: string): Shown & Markdown {
  if (!/^[a-z][a-z0-9-]*(~spin)?$/.test(name)) throw new Error(`not an icon name: ${name}`);
  return `$(${name})` as Shown & Markdown;
}

function joined(strings: TemplateStringsArray, values: readonly unknown[]): string {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]) : ''), '');
}

/** Plain text from a template: the literal parts are source code, every value already `Shown` (or a number). */
export function text(strings: TemplateStringsArray, ...values: Array<Shown | number>): Shown {
  return joined(strings, values) as Shown;
}

/** Markdown from a template: the literal parts are source code, every value already `Markdown` (or a number). */
export function md(strings: TemplateStringsArray, ...values: Array<Markdown | number>): Markdown {
  return joined(strings, values) as Markdown;
}

/** Shown parts joined by a separator written in code. */
export function joinShown(parts: ReadonlyArray<Shown | undefined | false | ''>, separator: string): Shown {
  return parts.filter(Boolean).join(separator) as Shown;
}

/** Markdown parts joined by a separator written in code. */
export function joinMarkdown(parts: ReadonlyArray<Markdown | undefined | false | ''>, separator: string): Markdown {
  return parts.filter(Boolean).join(separator) as Markdown;
}
