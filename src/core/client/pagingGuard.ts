// Keeps a customer listing finite: a service (or proxy) that repeats a continuation token, sends empty pages
// that still link to a next one, or never stops paging ends the listing with a clear error; the customers
// already read stay with the caller.
import { PartnerCenterError } from './errors';

/** 2,000 pages of 500: a million customers, far past any partner's list. */
export const DEFAULT_MAX_PAGES = 2000;

export class PagingGuard {
  private readonly tokens = new Set<string>();
  private pages = 0;

  constructor(private readonly maxPages = DEFAULT_MAX_PAGES) {}

  /** Called for each page that links to a next one; throws when following it would not end. */
  next(itemsOnPage: number, token: string | undefined, read: number): void {
    this.pages++;
    const after = `(stopped after ${this.pages} page${this.pages === 1 ? '' : 's'}, ${read} customers read)`;
    if (token !== undefined && this.tokens.has(token)) throw stop(`Partner Center's customer list repeated a continuation token ${after}.`);
    if (token !== undefined) this.tokens.add(token);
    // a page with nothing on it has nothing to continue from: a next link there is a loop in waiting
    if (itemsOnPage === 0) throw stop(`Partner Center's customer list sent an empty page that still links to a next one ${after}.`);
    if (this.pages >= this.maxPages) throw stop(`Partner Center's customer list went past ${this.maxPages} pages ${after}.`);
  }
}

function stop(message: string): PartnerCenterError {
  return new PartnerCenterError('malformed-response', message, { code: 'paging' });
}
