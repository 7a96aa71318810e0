/** Revoking at once can cancel a download the browser has not started reading yet. */
const REVOKE_AFTER_MS = 60_000;

/** Saves a Blob as a file: a download in the browser; the desktop shell decides where it goes. */
export function downloadBlob(doc: Document, blob: Blob, fileName: string): void {
  const view = doc.defaultView;
  if (view === null) throw new Error('cannot download: the document has no window');
  const url = view.URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  view.setTimeout(() => view.URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/** "trend-20260304-130709" in local time: sorts by name, and says when it was taken. */
export function exportFileStem(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `trend-${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}
