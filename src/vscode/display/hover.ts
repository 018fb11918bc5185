// The only doors to markdown hovers and the status bar item (lint forbids `new MarkdownString` and
// createStatusBarItem elsewhere in src/): markdown is built from Markdown parts (markdownText, codeText,
// the `md` tag) and status bar text is Shown.
import * as vscode from 'vscode';
import { Markdown, Shown } from '../../core/display/safeText';

/** A hover from safe markdown, theme icons on (the icons come from code through `icon`). */
export function hover(...parts: Markdown[]): vscode.MarkdownString {
  return new vscode.MarkdownString(parts.join(''), true);
}

export type ShownStatusItem = Omit<vscode.StatusBarItem, 'text' | 'tooltip'> & { text: Shown; tooltip: Shown | vscode.MarkdownString | undefined };

export function createStatusItem(id: string, alignment: vscode.StatusBarAlignment, priority: number): ShownStatusItem {
  return vscode.window.createStatusBarItem(id, alignment, priority) as ShownStatusItem;
}
