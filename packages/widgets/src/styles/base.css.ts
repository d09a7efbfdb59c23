// The widgets' styles as text, so that they can be adopted as a constructable stylesheet (allowed under a strict
// `style-src 'self'` CSP, unlike a <style> element) or written to dist/onward.css for a same-origin <link>.
// Every colour, the font and the radius come from documented custom properties (docs/embedding.md, Theming);
// logical properties (inline-start/end) make right-to-left layouts work without extra rules.
export const baseCss = `
:host{display:block}
.onward{
--_text:var(--onward-colour-text,#0b0c0c);--_bg:var(--onward-colour-background,#fff);
--_primary:var(--onward-colour-primary,#1d70b8);--_on-primary:var(--onward-colour-on-primary,#fff);
--_muted:var(--onward-colour-muted,#505a5f);--_border:var(--onward-colour-border,#6f777b);
--_panel:var(--onward-colour-panel,#f3f2f1);--_focus:var(--onward-colour-focus,#ffdd00);
--_focus-text:var(--onward-colour-focus-text,#0b0c0c);--_error:var(--onward-colour-error,#d4351c);
--_success:var(--onward-colour-success,#00703c);--_radius:var(--onward-radius,4px);
font-family:var(--onward-font-family,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif);
font-size:var(--onward-font-size,1.1875rem);line-height:1.4;color:var(--_text);background:var(--_bg);
max-width:var(--onward-max-width,44rem);box-sizing:border-box;padding:var(--onward-padding,0.75rem);text-align:start}
.onward *,.onward *::before,.onward *::after{box-sizing:inherit}
.onward h2{font-size:1.5em;line-height:1.2;margin:0 0 .5rem}
.onward h3{font-size:1.2em;margin:1.25rem 0 .5rem}
.onward p{margin:0 0 .75rem}
.onward a{color:var(--_primary)}
.onward :focus{outline:none}
.onward :focus-visible{outline:3px solid var(--_focus);outline-offset:0;box-shadow:0 0 0 6px var(--_focus-text)}
.onward a:focus-visible{background:var(--_focus);color:var(--_focus-text);box-shadow:0 4px var(--_focus-text);outline:none}
.o-bar{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;justify-content:space-between;margin-block-end:.75rem}
.o-muted{color:var(--_muted)}
.o-pic{float:inline-start;margin-inline-end:.75rem}
[dir=rtl] .o-flip{transform:scaleX(-1)}
.o-small{font-size:.85em}
.o-btn{font:inherit;display:inline-flex;align-items:center;justify-content:center;min-height:44px;min-width:44px;
padding:.5rem 1rem;border:2px solid transparent;border-radius:var(--_radius);background:var(--_primary);color:var(--_on-primary);
cursor:pointer;box-shadow:0 2px 0 var(--_text);margin-block:.25rem}
.o-btn:hover{filter:brightness(.92)}
.o-btn[disabled]{opacity:.5;cursor:not-allowed}
.o-btn.o-secondary{background:var(--_panel);color:var(--_text)}
.o-btn.o-link{background:transparent;color:var(--_primary);box-shadow:none;text-decoration:underline;padding-inline:.25rem}
.o-btn.o-warning{background:var(--_error);color:#fff}
.o-btn:focus-visible{outline:3px solid var(--_focus);box-shadow:0 0 0 6px var(--_focus-text)}
.o-toggle[aria-pressed="true"]{background:var(--_text);color:var(--_bg)}
.o-field{margin-block:.75rem}
.o-label{display:block;font-weight:700;margin-block-end:.25rem}
.o-hint{display:block;color:var(--_muted);margin-block-end:.25rem}
.o-input,.o-textarea,.o-select{font:inherit;width:100%;min-height:44px;padding:.5rem;border:2px solid var(--_text);
border-radius:var(--_radius);background:var(--_bg);color:var(--_text)}
.o-textarea{min-height:5.5rem;resize:vertical}
.o-input:focus-visible,.o-textarea:focus-visible,.o-select:focus-visible{outline:3px solid var(--_focus);box-shadow:inset 0 0 0 2px var(--_text)}
.o-invalid{border-color:var(--_error)}
.o-field-error{display:block;color:var(--_error);font-weight:700;margin-block-end:.25rem}
.o-counter{display:block;margin-block-start:.25rem;color:var(--_muted)}
.o-counter.o-over{color:var(--_error);font-weight:700}
.o-check{display:flex;align-items:center;gap:.75rem;min-height:44px;cursor:pointer;margin-block:.25rem}
.o-check input{width:28px;height:28px;margin:0;flex:none;accent-color:var(--_primary)}
.o-check input:focus-visible{outline:3px solid var(--_focus);box-shadow:0 0 0 6px var(--_focus-text)}
.o-errors{border:4px solid var(--_error);padding:1rem;margin-block-end:1rem;border-radius:var(--_radius)}
.o-errors h2{font-size:1.25em}
.o-errors ul{margin:0;padding-inline-start:1.25rem}
.o-errors a{color:var(--_error);font-weight:700}
.o-status{min-height:1.5em;margin-block:.25rem}
.o-status.o-warn{color:var(--_error);font-weight:700}
.o-notice{border-inline-start:6px solid var(--_primary);background:var(--_panel);padding:.75rem 1rem;margin-block:.75rem}
.o-progress{height:12px;background:var(--_panel);border:1px solid var(--_border);border-radius:6px;overflow:hidden}
.o-progress>span{display:block;height:100%;background:var(--_success)}
.o-vh{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;clip-path:inset(50%)!important;border:0!important;white-space:nowrap!important}
.o-card{border:1px solid var(--_border);border-radius:var(--_radius);padding:.75rem;margin-block:.75rem;background:var(--_bg)}
fieldset.o-card{min-width:0}
.o-card legend{font-weight:700;padding-inline:.25rem;font-size:1.05em}
.o-card .o-card{border:0;border-inline-start:4px solid var(--_border);border-radius:0;padding:.25rem 0 .25rem .75rem;padding-inline:.75rem 0}
.o-card>h2:first-child,.o-card>h3:first-child{margin-top:0}
.o-summary{cursor:pointer;color:var(--_primary);text-decoration:underline;padding-block:.6rem;min-height:44px}
.o-summary:focus-visible{outline:3px solid var(--_focus);box-shadow:0 0 0 6px var(--_focus-text)}
.onward{-webkit-tap-highlight-color:transparent}
.o-choices{display:grid;gap:.5rem;grid-template-columns:repeat(auto-fit,minmax(6.5rem,1fr));margin-block:.5rem}
.o-choice{position:relative;display:block}
.o-choice input{position:absolute;opacity:0;inset:0;width:100%;height:100%;margin:0;cursor:pointer}
.o-choice span{height:100%;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:.25rem;min-height:48px;padding:.5rem;
text-align:center;border:2px solid var(--_text);border-radius:var(--_radius);background:var(--_bg);font-weight:700}
.o-choice input:checked+span{background:var(--_primary);color:var(--_on-primary);border-color:var(--_primary)}
.o-choice input:focus-visible+span{outline:3px solid var(--_focus);box-shadow:0 0 0 6px var(--_focus-text)}
.o-choice input:disabled+span{opacity:.7}
.o-tasks{list-style:none;margin:0 0 1rem;padding:0;border-block-start:1px solid var(--_border)}
.o-tasks li{border-block-end:1px solid var(--_border)}
.o-tasks button{font:inherit;display:flex;width:100%;justify-content:space-between;gap:.5rem;align-items:center;min-height:44px;padding:.5rem .25rem;
background:none;border:0;color:var(--_primary);text-decoration:none;cursor:pointer;text-align:start}
.o-tasks button>span:first-child{text-decoration:underline}
.o-tasks button[aria-current="step"]{font-weight:700;color:var(--_text)}
.o-tasks button[aria-current="step"]>span:first-child{text-decoration:none}
.o-tag{display:inline-block;font-size:.8em;text-decoration:none;padding:.1rem .5rem;border-radius:var(--_radius);background:var(--_panel);color:var(--_text);white-space:nowrap}
.o-tag.o-done{background:var(--_success);color:#fff}
.o-tag.o-in-progress{background:#d2e2f1;color:#0b0c0c}
.o-nav{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem;margin-block-start:1rem}
.o-face{width:40px;height:40px}
.o-quote{white-space:pre-wrap;overflow-wrap:anywhere}
@media (min-width:40rem){.onward{padding:var(--onward-padding,1rem)}}
@media (prefers-reduced-motion:no-preference){.o-progress>span{transition:width .2s}}
@media print{.o-no-print{display:none!important}.onward{max-width:none;padding:0}}
`;
