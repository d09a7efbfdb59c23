// The dashboard's styles as text, adopted as a constructable stylesheet (allowed under a strict `style-src 'self'`
// CSP, unlike a <style> element), or written by the build to dist/onward-dashboard.css for a same-origin <link>.
// Theme with custom properties: --onward-colour-primary (or --onward-color-primary), --onward-colour-text,
// --onward-colour-background, --onward-colour-panel, --onward-colour-border, --onward-colour-focus,
// --onward-colour-secondary (second chart series), --onward-font-family (or --onward-font), --onward-radius.
export const dashboardCss = `
:host{display:block}
.od{
--_text:var(--onward-colour-text,var(--onward-color-text,#0b0c0c));
--_bg:var(--onward-colour-background,var(--onward-color-background,#fff));
--_primary:var(--onward-colour-primary,var(--onward-color-primary,#1d70b8));
--_secondary:var(--onward-colour-secondary,var(--onward-color-secondary,#912b88));
--_on-primary:var(--onward-colour-on-primary,var(--onward-color-on-primary,#fff));
--_muted:var(--onward-colour-muted,var(--onward-color-muted,#505a5f));
--_border:var(--onward-colour-border,var(--onward-color-border,#6f777b));
--_panel:var(--onward-colour-panel,var(--onward-color-panel,#f3f2f1));
--_focus:var(--onward-colour-focus,var(--onward-color-focus,#ffdd00));
--_radius:var(--onward-radius,4px);
font-family:var(--onward-font-family,var(--onward-font,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif));
font-size:var(--onward-font-size,1rem);line-height:1.4;color:var(--_text);background:var(--_bg);
box-sizing:border-box;padding:var(--onward-padding,.75rem);text-align:start}
.od *,.od *::before,.od *::after{box-sizing:inherit}
.od h2{font-size:1.6em;margin:0 0 .5rem}
.od h3{font-size:1.25em;margin:1.5rem 0 .5rem}
.od p{margin:0 0 .75rem}
.od :focus-visible{outline:3px solid var(--_focus);outline-offset:0;box-shadow:0 0 0 6px var(--_text)}
.od-muted{color:var(--_muted)}
.od-controls{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end;margin-block:.75rem}
.od-fieldset{border:0;padding:0;margin-inline:0}
.od-fieldset legend{font-weight:700;font-size:1.1em;padding:0;width:100%}
.od-field{min-width:0;max-width:100%}
.od-field label{display:block;font-weight:700;margin-block-end:.25rem}
.od select,.od input{font:inherit;max-width:100%;min-height:44px;padding:.25rem .5rem;border:2px solid var(--_text);border-radius:var(--_radius);background:var(--_bg);color:var(--_text)}
.od-btn{font:inherit;min-height:44px;min-width:44px;padding:.5rem 1rem;border:2px solid transparent;border-radius:var(--_radius);
background:var(--_primary);color:var(--_on-primary);cursor:pointer;box-shadow:0 2px 0 var(--_text)}
.od-btn.od-secondary{background:var(--_panel);color:var(--_text);border-color:var(--_border)}
.od-btn:hover{filter:brightness(.92)}
.od-figure{margin:0 0 1.5rem;padding:.75rem;border:1px solid var(--_border);border-radius:var(--_radius)}
.od-summary{font-weight:700}
.od-canvas{position:relative;width:100%;height:clamp(220px,40vh,380px)}
.od-canvas canvas{max-width:100%}
.od details>summary{cursor:pointer;color:var(--_primary);min-height:24px;padding-block:.25rem}
.od-table-wrap{overflow-x:auto}
.od table{border-collapse:collapse;width:100%;margin-block:.5rem;font-variant-numeric:tabular-nums}
.od caption{text-align:start;font-weight:700;padding-block:.25rem}
.od th,.od td{border-bottom:1px solid var(--_border);padding:.35rem .5rem;text-align:start;vertical-align:top}
.od td.od-num,.od th.od-num{text-align:end}
.od-cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.75rem}
.od-card{background:var(--_panel);border-radius:var(--_radius);padding:.75rem}
.od-card strong{display:block;font-size:1.5em}
.od-list{padding-inline-start:1.25rem}
.od-notice{border-inline-start:5px solid var(--_primary);padding:.5rem .75rem;background:var(--_panel);margin-block:.75rem}
.od-visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important;border:0!important}
@media (prefers-reduced-motion:reduce){.od *{transition:none!important;animation:none!important}}
`;

const sheets = new WeakMap<object, CSSStyleSheet>();

/** Adopt the dashboard styles into a shadow root or document (no <style> element). False when not supported. */
export function adoptDashboardCss(target: ShadowRoot | Document): boolean {
  if (
    !('adoptedStyleSheets' in target) ||
    typeof CSSStyleSheet === 'undefined' ||
    !('replaceSync' in CSSStyleSheet.prototype)
  )
    return false;
  const key = CSSStyleSheet;
  let sheet = sheets.get(key);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(dashboardCss);
    sheets.set(key, sheet);
  }
  if (!target.adoptedStyleSheets.includes(sheet)) target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
  return true;
}
