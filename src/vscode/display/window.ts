// The only doors to VS Code's notifications, quick picks and input boxes (lint forbids calling them
// anywhere else in src/): they accept Shown text only, so a name, reason or error text reaches them through
// plainText (src/core/display/safeText.ts) and never as a link, icon or second line.
import * as vscode from 'vscode';
import { Shown } from '../../core/display/safeText';

export interface ShownMessageOptions { readonly modal?: boolean; readonly detail?: Shown }
type Rest = [ShownMessageOptions, ...Shown[]] | Shown[];

function split(rest: Rest): [vscode.MessageOptions, Shown[]] {
  const [first, ...others] = rest;
  return typeof first === 'object' ? [first, others as Shown[]] : [{}, rest as Shown[]];
}

export function showInformation(message: Shown, ...rest: Rest): Thenable<Shown | undefined> {
  const [options, items] = split(rest);
  return vscode.window.showInformationMessage(message, options, ...items);
}

export function showWarning(message: Shown, ...rest: Rest): Thenable<Shown | undefined> {
  const [options, items] = split(rest);
  return vscode.window.showWarningMessage(message, options, ...items);
}

export function showError(message: Shown, ...rest: Rest): Thenable<Shown | undefined> {
  const [options, items] = split(rest);
  return vscode.window.showErrorMessage(message, options, ...items);
}

/** A quick-pick row whose label, description and detail are Shown (quick picks render `$(icon)` in all three). */
export type ShownItem = Omit<vscode.QuickPickItem, 'label' | 'description' | 'detail'> & { label: Shown; description?: Shown; detail?: Shown };

export type ShownPickOptions = Omit<vscode.QuickPickOptions, 'title' | 'placeHolder' | 'canPickMany' | 'onDidSelectItem'> & { title?: Shown; placeHolder?: Shown };

export function pick<T extends ShownItem>(items: readonly T[] | Thenable<readonly T[]>, options?: ShownPickOptions, token?: vscode.CancellationToken): Thenable<T | undefined> {
  return vscode.window.showQuickPick(items as T[] | Thenable<T[]>, options, token);
}

export function pickMany<T extends ShownItem>(items: readonly T[], options?: ShownPickOptions): Thenable<T[] | undefined> {
  return vscode.window.showQuickPick(items as T[], { ...options, canPickMany: true });
}

/** A created quick pick that takes Shown title, placeholder and rows. */
export type ShownQuickPick<T extends ShownItem> = Omit<vscode.QuickPick<T>, 'title' | 'placeholder'> & { title: Shown | undefined; placeholder: Shown | undefined };
export type ShownQuickPickFactory<T extends ShownItem> = () => ShownQuickPick<T>;

export function createPick<T extends ShownItem>(): ShownQuickPick<T> {
  return vscode.window.createQuickPick<T>() as ShownQuickPick<T>;
}

export type ShownInputOptions = Omit<vscode.InputBoxOptions, 'title' | 'prompt' | 'placeHolder' | 'validateInput'> & {
  title?: Shown; prompt?: Shown; placeHolder?: Shown;
  validateInput?: (value: string) => Shown | undefined | null;
};

export function askText(options: ShownInputOptions): Thenable<string | undefined> {
  return vscode.window.showInputBox(options);
}

export interface ShownProgressOptions { readonly location: vscode.ProgressLocation; readonly title?: Shown; readonly cancellable?: boolean }
export type ShownProgress = vscode.Progress<{ message?: Shown; increment?: number }>;

/** A progress notification: its title and messages render links and icons like any notification. */
export function withProgress<R>(options: ShownProgressOptions, task: (progress: ShownProgress, token: vscode.CancellationToken) => Thenable<R>): Thenable<R> {
  return vscode.window.withProgress(options, task);
}

/** A link written by this extension (a web address or one of its commands) with a Shown label. */
export function link(label: Shown, target: string): Shown {
  if (!/^(https?:\/\/[^\s()[\]]+|command:[\w.-]+)$/.test(target)) return label;
  return `[${label.replace(/[[\]]/g, '')}](${target})` as Shown;
}

/** A transient status bar message ("Copied … as Markdown"): the status bar renders `$(icon)` too. */
export function flashStatus(message: Shown, ms: number): vscode.Disposable {
  return vscode.window.setStatusBarMessage(message, ms);
}
