// "Download my plan (PDF)" and the staff PDF button link here, not to the API: the PDF arrives as a download when
// the plan has one, and otherwise the visitor gets a page that says why and what to do instead (a `download` link
// straight to the API saved a JSON error as a file, or did nothing at all).
import { strings } from '../i18n.js';
import type { PlanView } from '../web/api-types.js';
import { prefsOf } from '../web/context.js';
import { type AnyHono, apiFor, errorPage, page, securityHeaders, seeOther, sessionOf } from '../web/render.js';

export function planPdfPath(planId: string): string {
  return `/plans/${encodeURIComponent(planId)}/pdf`;
}

export function mountPlanPdf(app: AnyHono) {
  app.get('/plans/:id/pdf', async (c) => {
    const s = await sessionOf(app, c);
    if (!s) return seeOther(c, `/sign-in?back=${encodeURIComponent(new URL(c.req.url).pathname)}`);
    const id = c.req.param('id');
    const api = apiFor(app, c, s);
    // The plan first: the API answers 404 for a plan this visitor may not see, which is a plain "not found".
    const plan = await api.get<PlanView>(`/api/plans/${encodeURIComponent(id)}`);
    if (!plan.ok) return errorPage(c, plan.status, s);
    const pdf = await api.get<Uint8Array>(`/api/plans/${encodeURIComponent(id)}/pdf`);
    if (pdf.ok && pdf.data instanceof Uint8Array) {
      securityHeaders(c);
      return c.body(pdf.data as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/pdf',
        'content-disposition': pdf.headers.get('content-disposition') ?? 'attachment; filename="pathway-plan.pdf"',
      });
    }
    if (pdf.status !== 404) return errorPage(c, pdf.status, s);
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const youngPerson = s.user.role === 'young-person';
    const authorised = Boolean(plan.data.plan.authorised);
    const back = youngPerson ? '/me' : `/plans/${encodeURIComponent(id)}`;
    return page(
      c,
      { title: t.pdfMissingTitle, session: s, status: 404 },
      <>
        <h1>{t.pdfMissingTitle}</h1>
        <p>{authorised ? t.pdfNotKept : t.pdfNotYet}</p>
        <p>{youngPerson ? t.pdfWhatNowYoungPerson : t.pdfWhatNowStaff}</p>
        <p>
          <a class="button" href={back}>
            {youngPerson ? t.backToMyPlan : t.backToPlan}
          </a>
        </p>
      </>,
    );
  });
}
