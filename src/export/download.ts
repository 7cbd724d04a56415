/** Saves a Blob under a file name, in the page itself: nothing is uploaded anywhere. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The click starts the download synchronously; the URL only needs to outlive this task.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** "lstm-lens_sine_lstm_step120_cell.png": task, architecture, step and panel, safe on every file system. */
export function exportFileName(parts: { task: string; arch: string; step: number; panel: string }, ext: string): string {
  const clean = (s: string): string => s.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return `lstm-lens_${clean(parts.task)}_${clean(parts.arch)}_step${parts.step}_${clean(parts.panel)}.${ext}`;
}
