/**
 * Where a chart announces its SVG element, so a panel's menu can export the picture (SVG, PNG) without
 * reaching into the DOM: the panel provides a registry, every chart frame inside it registers under its name.
 */
import { createContext } from 'react';

export type ChartRegistry = (name: string, svg: SVGSVGElement | null) => void;

export const ChartExportContext = createContext<ChartRegistry | null>(null);
