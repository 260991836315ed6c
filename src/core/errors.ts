/**
 * A domain rule was broken by otherwise readable input (equal baseline and target, a ratio of 0, ...).
 * The message is written for the person who typed the input; callers add which formula and which row.
 */
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DomainError';
  }
}
