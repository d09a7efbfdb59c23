// The wording the pages show (question and area titles, hints): the shipped files, or the council's own folder
// when the app was started with one (createReferenceApp sets it once). The PDF renderer and the widgets get the
// same wording, so a page, its widget and the authorised PDF never disagree.
import { allShippedWording, type LocaleFile, type Wording } from '@onward/engine';

let current: Wording = allShippedWording();
let councilFiles: LocaleFile[] = [];

export function setPageWording(wording: Wording, files: LocaleFile[] = []): void {
  current = wording;
  councilFiles = files;
}

export function pageWording(): Wording {
  return current;
}

/** The council's own locale files (empty when the shipped wording is used), for the widgets in the browser. */
export function councilLocaleFiles(): readonly LocaleFile[] {
  return councilFiles;
}
