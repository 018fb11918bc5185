// vscode.l10n.t for the UI surfaces: the message is a literal in code (a `string` variable is refused at
// compile time) and every placeholder is already Shown or a number, so the sentence is Shown. Named `l10n`
// with a method `t` so `npm run l10n` (which looks for `l10n.t(...)`) still collects the strings.
import * as vscode from 'vscode';
import { Markdown, Shown, plainText } from '../../core/display/safeText';
import { formatDayTime } from '../view/presentation';

type Literal<M extends string> = string extends M ? never : M;

function t<M extends string>(message: Literal<M>, ...args: Array<(Shown & Markdown) | number>): Shown & Markdown;
function t<M extends string>(message: Literal<M>, ...args: Array<Shown | number>): Shown;
function t<M extends string>(message: Literal<M>, ...args: Array<Markdown | number>): Markdown;
function t(message: string, ...args: Array<string | number>): string {
  return vscode.l10n.t(message, ...args);
}

/**
 * The sentence is written in code (and its translations are ours): with only numbers in it, it is safe
 * text and safe markdown; with Shown placeholders it is Shown, with Markdown ones Markdown.
 */
export const l10n = { t };

/** A number in this window's language ("12,345"). */
export function count(n: number): Shown {
  return plainText(n.toLocaleString(vscode.env.language));
}

/** A moment as this window writes it ("Nov 30, 2026, 2:05 PM"): made from a number, so safe anywhere. */
export function dayTime(ms: number): Shown & Markdown {
  return formatDayTime(ms) as Shown & Markdown;
}
