import type { Role } from './predictionSeries.ts';

/** One colour per role in both views (lines and class bars), overridable from CSS. */
export const ROLE_COLOR: Record<Role, string> = {
  input: 'var(--pred-input, #868e96)',
  target: 'var(--pred-target, #2b8a3e)',
  output: 'var(--pred-output, #7048e8)',
};
