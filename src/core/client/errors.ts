// Every failure of a Partner Center call ends as a PartnerCenterError: a kind the UI can act on, a one-line
// message a partner understands, and the ids support asks for. Never a token or secret.

export type PartnerCenterErrorKind =
  | 'auth-required'
  | 'mfa-required'
  | 'no-relationship'
  | 'forbidden-role'
  | 'not-found'
  | 'bad-request'
  | 'app-only'
  | 'throttled'
  | 'server'
  | 'network'
  | 'timeout'
  | 'malformed-response'
  | 'cancelled'
  | 'invalid-tenant'
  | 'configuration';

export interface ErrorDetails {
  readonly status?: number;
  readonly code?: string;
  readonly description?: string;
  readonly requestId?: string;
  readonly correlationId?: string;
  readonly cv?: string;
  readonly cause?: unknown;
  /** A write was sent but no answer came (reset, timeout, cancel): the service may have acted on it. */
  readonly unknownOutcome?: boolean;
}

export class PartnerCenterError extends Error {
  override readonly name = 'PartnerCenterError';
  readonly status?: number;
  readonly code?: string;
  readonly description?: string;
  readonly requestId?: string;
  readonly correlationId?: string;
  readonly cv?: string;
  readonly unknownOutcome?: boolean;

  constructor(readonly kind: PartnerCenterErrorKind, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.code = details.code;
    this.description = details.description;
    this.requestId = details.requestId;
    this.correlationId = details.correlationId;
    this.cv = details.cv;
    if (details.unknownOutcome) this.unknownOutcome = true;
  }

  /** Ids for a support ticket, e.g. "request 1b2…, correlation 9f0…". */
  supportIds(): string {
    const parts: string[] = [];
    if (this.requestId) parts.push(`request ${this.requestId}`);
    if (this.correlationId) parts.push(`correlation ${this.correlationId}`);
    return parts.join(', ');
  }

  override toString(): string {
    const ids = this.supportIds();
    return `${this.name} [${this.kind}${this.status ? ` ${this.status}` : ''}${this.code ? `/${this.code}` : ''}]: ${this.message}${ids ? ` (${ids})` : ''}`;
  }

  toJSON(): Record<string, unknown> {
    return { kind: this.kind, message: this.message, status: this.status, code: this.code, requestId: this.requestId, correlationId: this.correlationId };
  }
}

/** Also true for errors from another copy of this module (the extension's lazily loaded connection bundle). */
export function isPartnerCenterError(e: unknown): e is PartnerCenterError {
  if (e instanceof PartnerCenterError) return true;
  const o = e as { name?: unknown; kind?: unknown; supportIds?: unknown } | null;
  return !!o && o.name === 'PartnerCenterError' && typeof o.kind === 'string' && typeof o.supportIds === 'function';
}
