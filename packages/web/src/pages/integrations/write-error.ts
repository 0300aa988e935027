// A failed write of this page in one sentence; a 412 says the row was reloaded.
import { ApiError, ConflictError, describeError } from '../../api/index.ts';

export function writeErrorMessage(error: unknown, what: string): string {
  if (error instanceof ConflictError)
    return `Someone else changed ${what} in the meantime. It was reloaded: check it and try again.`;
  if (error instanceof ApiError && error.status === 403)
    return `You are not allowed to change ${what}: integrations need the PM, TPM, admin or owner role.`;
  return describeError(error);
}
