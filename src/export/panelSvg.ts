/**
 * One panel as a standalone SVG figure, built from what the browser laid out rather than by each chart: the
 * panel's SVG charts are copied with their computed styles inlined (so the file needs no stylesheet), canvases
 * (heatmaps) become embedded PNG images, and HTML text becomes SVG text — still text, so it can be edited and
 * searched on a slide. Buttons and form controls are left out: a figure is not an interface.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Presentation properties copied onto every SVG element (CSS classes do not travel with the file). */
const SVG_STYLE_PROPS = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linecap',
  'stroke-linejoin', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor',
  'dominant-baseline', 'paint-order', 'visibility',
] as const;

/** Interactive parts, and anything a panel marks as not part of its figure. */
const SKIP = 'button, input, select, textarea, label:has(> input), [data-export="skip"], .panel-actions';

export interface PanelFigure {
  svg: string;
  width: number;
  height: number;
}

const CAPTION_HEIGHT = 28;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const num = (v: number): string => String(Math.round(v * 100) / 100);

/** "rgba(0, 0, 0, 0)" and "transparent" draw nothing. */
function visibleColor(c: string): boolean {
  return c !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test(c);
}

function isHidden(style: CSSStyleDeclaration): boolean {
  return style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0';
}

function fontAttrs(style: CSSStyleDeclaration): string {
  return `font-family="${esc(style.fontFamily)}" font-size="${style.fontSize}" font-weight="${style.fontWeight}" font-style="${style.fontStyle}" fill="${style.color}"`;
}

/** A copy of an inline SVG with each element's computed presentation written onto it. */
function copySvg(el: SVGSVGElement, x: number, y: number, w: number, h: number): string {
  const clone = el.cloneNode(true) as SVGSVGElement;
  const originals = [el, ...el.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((orig, i) => {
    const copy = copies[i];
    const style = getComputedStyle(orig);
    if (style.display === 'none') {
      copy.remove();
      return;
    }
    copy.removeAttribute('class');
    const inline = SVG_STYLE_PROPS.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
    copy.setAttribute('style', inline);
  });
  clone.setAttribute('x', num(x));
  clone.setAttribute('y', num(y));
  clone.setAttribute('width', num(w));
  clone.setAttribute('height', num(h));
  if (!clone.hasAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${num(w)} ${num(h)}`);
  clone.setAttribute('overflow', 'visible');
  return new XMLSerializer().serializeToString(clone);
}

/**
 * A text node as one <text> per rendered line: the browser already wrapped it, so the characters are grouped by
 * the line box they landed in (graphemes, not words — Chinese has no spaces to break at).
 */
function textLines(node: Text, origin: DOMRect, style: CSSStyleDeclaration): string[] {
  const text = node.data;
  if (!text.trim()) return [];
  const keepSpaces = style.whiteSpace.startsWith('pre');
  const range = document.createRange();
  const lines: { x: number; bottom: number; height: number; text: string }[] = [];
  let offset = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    range.setStart(node, offset);
    range.setEnd(node, offset + segment.length);
    offset += segment.length;
    const r = range.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const line = lines[lines.length - 1];
    if (line && Math.abs(r.bottom - line.bottom) < r.height / 2) line.text += segment;
    else lines.push({ x: r.left, bottom: r.bottom, height: r.height, text: segment });
  }
  const font = fontAttrs(style);
  return lines
    .map((l) => ({ ...l, text: keepSpaces ? l.text : l.text.replace(/\s+/g, ' ') }))
    .filter((l) => l.text.trim() !== '')
    .map((l) => {
      // The alphabetic baseline sits about a fifth of the line box above its bottom for the UI fonts.
      const baseline = l.bottom - origin.top - l.height * 0.22;
      return `<text x="${num(l.x - origin.left)}" y="${num(baseline)}" ${font} xml:space="preserve">${esc(l.text)}</text>`;
    });
}

/** Backgrounds and borders of HTML boxes (chips, table rules, the panel itself). */
function boxShapes(el: Element, origin: DOMRect, style: CSSStyleDeclaration): string[] {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return [];
  const x = r.left - origin.left;
  const y = r.top - origin.top;
  const out: string[] = [];
  const radius = parseFloat(style.borderTopLeftRadius) || 0;
  if (visibleColor(style.backgroundColor)) {
    out.push(`<rect x="${num(x)}" y="${num(y)}" width="${num(r.width)}" height="${num(r.height)}" rx="${num(radius)}" fill="${style.backgroundColor}"/>`);
  }
  const sides = [
    ['Top', x, y, x + r.width, y],
    ['Right', x + r.width, y, x + r.width, y + r.height],
    ['Bottom', x, y + r.height, x + r.width, y + r.height],
    ['Left', x, y, x, y + r.height],
  ] as const;
  for (const [side, x1, y1, x2, y2] of sides) {
    const w = parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`));
    const c = style.getPropertyValue(`border-${side.toLowerCase()}-color`);
    if (w > 0 && style.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none' && visibleColor(c)) {
      out.push(`<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${c}" stroke-width="${num(w)}"/>`);
    }
  }
  return out;
}

function walk(el: Element, origin: DOMRect, out: string[]): void {
  if (el.matches(SKIP)) return;
  const style = getComputedStyle(el);
  if (isHidden(style)) return;
  const r = el.getBoundingClientRect();
  if (el instanceof SVGSVGElement) {
    if (r.width > 0 && r.height > 0) out.push(copySvg(el, r.left - origin.left, r.top - origin.top, r.width, r.height));
    return;
  }
  if (el instanceof HTMLCanvasElement) {
    if (r.width > 0 && r.height > 0 && el.width > 0 && el.height > 0) {
      out.push(`<image x="${num(r.left - origin.left)}" y="${num(r.top - origin.top)}" width="${num(r.width)}" height="${num(r.height)}" preserveAspectRatio="none" style="image-rendering:pixelated" href="${el.toDataURL('image/png')}"/>`);
    }
    return;
  }
  out.push(...boxShapes(el, origin, style));
  for (const child of el.childNodes) {
    if (child instanceof Text) out.push(...textLines(child, origin, style));
    else if (child instanceof Element) walk(child, origin, out);
  }
}

/** The panel as an SVG document; `caption` adds a line under it (task, architecture, step, t). */
export function panelToSvg(panel: HTMLElement, caption: string | null): PanelFigure {
  const origin = panel.getBoundingClientRect();
  const width = Math.ceil(origin.width);
  const figureHeight = Math.ceil(origin.height);
  const height = figureHeight + (caption ? CAPTION_HEIGHT : 0);
  const parts: string[] = [];
  walk(panel, origin, parts);
  const style = getComputedStyle(panel);
  const background = visibleColor(style.backgroundColor) ? style.backgroundColor : '#ffffff';
  const captionText = caption
    ? `<text x="12" y="${figureHeight + CAPTION_HEIGHT - 9}" font-family="${esc(style.fontFamily)}" font-size="14px" fill="${style.color}">${esc(caption)}</text>`
    : '';
  const svg =
    `<svg xmlns="${SVG_NS}" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="${background}"/>${parts.join('')}${captionText}</svg>`;
  return { svg, width, height };
}

/** The figure rendered to a PNG at `scale`× its CSS size (2× stays sharp on a projector and a retina slide). */
export async function svgToPng(figure: PanelFigure, scale = 2): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(figure.svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = figure.width * scale;
  canvas.height = figure.height * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
