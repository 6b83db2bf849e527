export interface FieldError {
  path: string;
  message: string;
}

/** A command the domain refuses; the HTTP edge maps `kind` to a status code. */
export class DomainError extends Error {
  constructor(
    readonly kind: 'not-found' | 'conflict' | 'unprocessable',
    message: string,
    readonly errors: FieldError[] = [],
    readonly code?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (message: string) => new DomainError('not-found', message);
export const conflict = (message: string, code?: string) => new DomainError('conflict', message, [], code);
export const unprocessable = (message: string, errors: FieldError[] = [], code?: string) =>
  new DomainError('unprocessable', message, errors, code);
