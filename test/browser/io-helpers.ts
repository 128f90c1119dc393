/** Helpers for the import and export tests: dropping files on the page, catching downloads. */
import type { ApparatApp } from '../../src/ui/app/apparat-app.ts';
import type { ImportDetail } from '../../src/ui/io/apparat-importer.ts';

/** Drops files on the page as a user would (dragenter, dragover, drop), and waits for the import to finish. */
export async function drop(app: ApparatApp, files: File[], target: Element = document.body): Promise<ImportDetail> {
  const done = new Promise<ImportDetail>((resolve) => app.addEventListener('files-import', (e) => resolve(e.detail), { once: true }));
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  for (const type of ['dragenter', 'dragover']) target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true, composed: true }));
  target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true, composed: true }));
  const detail = await done;
  await app.updateComplete;
  return detail;
}

export interface Download {
  name: string;
  blob: Blob;
}

/** Catches the downloads the page starts (an <a download> clicked) while `work` runs, waiting for the first if it comes a moment later. */
export async function downloads(work: () => Promise<void> | void): Promise<Download[]> {
  const got: Promise<Download>[] = [];
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download) got.push(fetch(this.href).then(async (r) => ({ name: this.download, blob: await r.blob() })));
    else click.call(this);
  };
  try {
    await work();
    // A download may start a moment after the click (the SVG writer loads on first use): wait for one, as a user would.
    for (let waited = 0; got.length === 0 && waited < 20_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  } finally {
    HTMLAnchorElement.prototype.click = click;
  }
  return Promise.all(got);
}

export const fileOf = (name: string, text: string | Uint8Array, type = 'application/octet-stream') => new File([text as BlobPart], name, { type });
