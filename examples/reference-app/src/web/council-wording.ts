// Browser side: the council's own locale files for a widget, loaded only on pages that name them (data-wording),
// in a chunk of its own so the checklist's first load is unchanged when a council uses the shipped wording.
import { enGBEasyWording, type LocaleFile, shippedWording, type Wording } from '@onward/engine';

/** The shipped wording the widgets start from, with the council's files replacing or adding to it. */
export async function councilWording(src: string): Promise<Wording | undefined> {
  try {
    const r = await fetch(src, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!r.ok) return undefined;
    const { files } = (await r.json()) as { files: LocaleFile[] };
    return shippedWording([enGBEasyWording, ...files]);
  } catch {
    // Offline: the shipped wording is shown, and the server keeps the council's in the forms and the PDF.
    return undefined;
  }
}
