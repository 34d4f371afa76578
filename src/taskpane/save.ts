/**
 * Getting exported data out of the pane without any network: a download made from a Blob and an
 * object URL through an <a download> link (Excel on the web, the playground, and desktop Excel's
 * WebView2 all honour it), and the clipboard (navigator.clipboard when the host allows it, else
 * the older copy command on a hidden text area).
 */

/** Starts the download of `text` as the file `fileName`. Throws when the browser cannot. */
export function saveText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Some browsers read the URL after click() returns: free it a little later.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** Copies `text` to the clipboard; false when neither way is allowed here. */
export async function copyText(text: string): Promise<boolean> {
  const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
  if (clipboard && typeof clipboard.writeText === 'function') {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // Not allowed (no focus, permissions policy): try the copy command.
    }
  }
  if (typeof document.execCommand !== 'function') return false;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  const active = document.activeElement as HTMLElement | null;
  try {
    area.select();
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    active?.focus?.();
  }
}
