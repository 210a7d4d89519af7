/** How long the notice function's claim on an e-mail holds: longer than a send takes, short enough to retry soon after a crash. */
export const claimLeaseMs = 60_000;
