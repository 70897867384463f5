/** The one error type application code throws; the router turns it into the envelope. */
import { DEFAULT_MESSAGES, type ErrorBody, type ErrorCode } from '../core/contract/envelope';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: Record<string, string>,
    readonly retryAfter?: string,
  ) {
    super(message ?? DEFAULT_MESSAGES[code]);
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.message };
    if (this.fields && Object.keys(this.fields).length) body.fields = this.fields;
    if (this.retryAfter) body.retryAfter = this.retryAfter;
    return body;
  }
}

export const invalid = (fields: Record<string, string>, message?: string) =>
  new AppError('INVALID_INPUT', message, fields);
export const notFound = (message?: string) => new AppError('NOT_FOUND', message);
export const precondition = (message?: string) => new AppError('PRECONDITION_FAILED', message);
