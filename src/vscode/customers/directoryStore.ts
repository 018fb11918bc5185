// The customer directory book in workspace state: names, domains and relationships learned from Partner
// Center, and what each configured domain resolved to, with a change event for the tree.
import * as vscode from 'vscode';
import { Customer } from '../../core/model/customer';
import { CustomerDirectoryBook, DomainResolution, KnownCustomer } from '../../core/model/customerDirectory';
import type { Logger } from '../../core/log';

const KEY = 'partnerCenter.customerDirectory.v1';

export class DirectoryStore implements vscode.Disposable {
  readonly book: CustomerDirectoryBook;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento, logger?: Logger) {
    let drops = 0;
    this.book = CustomerDirectoryBook.fromJSON(state.get(KEY), (what, why) => {
      if (++drops <= 20) logger?.warn(`saved customer directory: ${what} dropped: ${why}`);
    });
    if (drops > 20) logger?.warn(`saved customer directory: ${drops} entries dropped in all`);
  }

  customer(tenantId: string): KnownCustomer | undefined {
    return this.book.customer(tenantId);
  }

  domain(domain: string): DomainResolution | undefined {
    return this.book.domain(domain);
  }

  learn(customers: readonly Customer[]): void {
    if (!customers.length) return;
    this.book.learn(customers);
    this.changed.fire();
  }

  /** Runs an update of the book, then saves and tells the tree once. */
  async update(fn: (book: CustomerDirectoryBook) => void): Promise<void> {
    fn(this.book);
    this.changed.fire();
    await this.flush();
  }

  flush(): Thenable<void> {
    return this.state.update(KEY, this.book.toJSON());
  }

  dispose(): void {
    void this.flush();
    this.changed.dispose();
  }
}
