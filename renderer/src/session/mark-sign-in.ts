/** The points a first sign-in passes, in order (the poor-link bench reads them). */
export type SignInStep =
  | 'sign-in-sent'
  | 'sign-in-answered'
  | 'replica-modules-loaded'
  | 'replica-opened'
  | 'sync-leading';

/**
 * Marks a step of signing in on the page's performance timeline as `lapor:<step>`, so the
 * time from Masuk to a workable queue can be split into its phases.
 */
export function markSignIn(step: SignInStep): void {
  performance.mark(`lapor:${step}`);
}
