// The one "Partner Center" LogOutputChannel, as the core's Logger. The core knows tenants by id only: a
// line about "tenant <id>" gets the tenant's configured name after the id, so the log reads like the tree.
import * as vscode from 'vscode';
import { Logger } from '../core/log';

const TENANT = /\btenant ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/g;

/** `nameOf` gives a tenant's name where one is known (read when a line is written). */
export function channelLogger(channel: vscode.LogOutputChannel, nameOf: (tenantId: string) => string | undefined = () => undefined): Logger {
  const named = (m: string) => m.replace(TENANT, (line, id: string) => {
    const name = nameOf(id);
    return name ? `${line} (${name.replace(/[\r\n]+/g, ' ')})` : line;
  });
  return {
    trace: (m) => channel.trace(named(m)),
    debug: (m) => channel.debug(named(m)),
    info: (m) => channel.info(named(m)),
    warn: (m) => channel.warn(named(m)),
    error: (m) => channel.error(named(m)),
  };
}
