// Files made in the browser (CSV of a table, PNG/SVG of a chart) are offered as downloads.

/** Offer `content` as a file download. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Offer a text as a file download. */
export function downloadText(filename: string, text: string, type: string): void {
  downloadBlob(filename, new Blob([text], { type }));
}

/** Today's date as yyyy-mm-dd (the as-of date of a view without one). */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
