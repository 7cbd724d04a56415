import type { CSSProperties } from 'react';

/**
 * Series-coloured text fails contrast for the lighter palette colours at label sizes: with the `series-swatch`
 * class the text keeps the text colour and a swatch before it carries the series colour.
 */
export const seriesSwatch = (color: string | undefined): CSSProperties => ({ '--series-color': color ?? 'currentColor' }) as CSSProperties;
