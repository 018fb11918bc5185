// The one "Partner Center" LogOutputChannel, as the core's Logger.
import * as vscode from 'vscode';
import { Logger } from '../core/log';

export function channelLogger(channel: vscode.LogOutputChannel): Logger {
  return {
    trace: (m) => channel.trace(m),
    debug: (m) => channel.debug(m),
    info: (m) => channel.info(m),
    warn: (m) => channel.warn(m),
    error: (m) => channel.error(m),
  };
}
