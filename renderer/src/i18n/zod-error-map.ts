import { z } from 'zod';
import { encodeError, genericErrorOfIssue } from '../../../shared/errors/error-codes.ts';

/**
 * zod's own checks (a `.max(4000)` with no message of its own) speak English; on the
 * workstation they give a coded message instead, worded in the officer's language where shown
 * (describeMessage). Checks with a message of their own keep it: it is a code already.
 */
export function installZodErrorMap(): void {
  z.config({ customError: (issue) => encodeError(genericErrorOfIssue(issue)) });
}
