/** An input problem the user can fix; printed as one line, exit status 2. */
export class UsageError extends Error {}
