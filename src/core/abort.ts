import { PartnerCenterError } from './client/errors';

/** The error every cancelled operation ends with. */
export function abortError(_signal?: AbortSignal): PartnerCenterError {
  return new PartnerCenterError('cancelled', 'Cancelled.');
}

export function isAbort(e: unknown): boolean {
  const err = e as { name?: string; code?: string; kind?: string } | undefined;
  return !!err && (err.kind === 'cancelled' || err.name === 'AbortError' || err.code === 'UND_ERR_ABORTED' || err.code === 'ABORT_ERR');
}
