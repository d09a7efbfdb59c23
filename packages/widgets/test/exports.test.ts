// Pins the public API of @onward/widgets: a change here is a change for every council that embeds the widgets.
import { expect, it } from 'vitest';
import * as widgets from '../src/index.js';

it('exports exactly the documented names', () => {
  expect(Object.keys(widgets).sort()).toEqual(
    [
      'Agreement',
      'AgreementStore',
      'AgreementView',
      'Autosave',
      'CHECK_IN_NOTE_LIMIT',
      'CheckInStore',
      'CheckInView',
      'CheckInWidget',
      'Checklist',
      'ChecklistStore',
      'ChecklistView',
      'ELEMENTS',
      'EVENT_NAMES',
      'OnwardAgreementElement',
      'OnwardCheckInElement',
      'OnwardChecklistElement',
      'OnwardPlanElement',
      'PARTIES',
      'PLAN_ACTIONS',
      'Plan',
      'PlanStore',
      'PlanView',
      'SIGN_EVENT',
      'UI_LOCALE_STATUS',
      'baseCss',
      'defaultDraftStore',
      'defineOnwardElements',
      'formatDate',
      'formatPounds',
      'hasLocalStorage',
      'localStorageAdapter',
      'memoryStorage',
      'parsePounds',
      'textLang',
      'translator',
    ].sort(),
  );
});
