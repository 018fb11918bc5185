// What a domain entry's warning row says after Partner Center's Domain search, shared with Add Tenant, which
// refuses such a domain with the same words before writing it.
import * as vscode from 'vscode';
import { DomainResolution } from '../../core/model/customerDirectory';
import { singleLine } from '../../core/display/safeText';

/** "no Partner Center customer has the domain x", ...; undefined when the domain names one tenant not listed. */
export function domainProblem(domain: string, r: DomainResolution | undefined, duplicateOf?: string): string | undefined {
  return !r ? undefined
    : r.kind === 'none' ? vscode.l10n.t('no Partner Center customer has the domain {0}', domain)
    : r.kind === 'several' ? vscode.l10n.t('{0} customers have the domain {1}; list the tenant id instead', r.count, domain)
    : r.kind === 'failed' ? vscode.l10n.t('could not resolve {0}: {1}', domain, singleLine(r.message))
    : duplicateOf !== undefined ? vscode.l10n.t('{0} is {1}, listed already', domain, singleLine(duplicateOf))
    : undefined;
}
