/** A problem the user can fix (a usage mistake, a missing file): reported in one paragraph, exit code 2. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
