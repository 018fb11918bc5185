// A logger the core writes to; the VS Code layer backs it with its LogOutputChannel. Core code never logs
// a token or secret: callers pass ids, statuses and durations only.
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };
