// UI strings shared by every widget. See ./index.ts for how they are looked up and overridden.
import type { Catalogues } from './index.js';

export const common: Catalogues = {
  'en-GB': {
    'common.easyRead': 'Easy read',
    'common.easyReadOn': 'Easy read is on',
    'common.easyReadOff': 'Easy read is off',
    'common.errorSummary': 'There is a problem',
    'common.charactersLeft': 'Characters left: {count}',
    'common.charactersOver': 'Too long by {count} characters',
    'common.status.saving': 'Saving…',
    'common.status.saved': 'Saved',
    'common.status.retrying': 'Not saved yet. Your work is kept on this device and we will keep trying.',
    'common.status.offline-draft': 'Saved on this device',
    'common.readOnly': 'You can read this but you cannot change it.',
    'common.optional': '(optional)',
    'common.loading': 'Loading…',
    'common.tooLong': '{field} is too long. Use {limit} characters or fewer.',
  },
  'en-GB:easy': {
    'common.errorSummary': 'Something needs fixing',
    'common.status.retrying': 'Not saved yet. Your words are safe on this phone. We will try again.',
    'common.readOnly': 'You can read this. You cannot change it.',
    'common.tooLong': '{field} is too long. Use {limit} letters or fewer.',
  },
  cy: {
    'common.easyRead': 'Hawdd ei ddeall',
    'common.easyReadOn': 'Mae hawdd ei ddeall ymlaen',
    'common.easyReadOff': 'Mae hawdd ei ddeall i ffwrdd',
    'common.errorSummary': 'Mae problem wedi codi',
    'common.charactersLeft': 'Nodau ar ôl: {count}',
    'common.charactersOver': 'Gormod o nodau: {count}',
    'common.status.saving': 'Wrthi’n cadw…',
    'common.status.saved': 'Wedi’i gadw',
    'common.status.retrying': 'Heb ei gadw eto. Mae eich gwaith yn ddiogel ar y ddyfais hon a byddwn yn dal i geisio.',
    'common.status.offline-draft': 'Wedi’i gadw ar y ddyfais hon',
    'common.readOnly': 'Gallwch ddarllen hwn ond ni allwch ei newid.',
    'common.optional': '(dewisol)',
    'common.loading': 'Wrthi’n llwytho…',
    'common.tooLong': 'Mae {field} yn rhy hir. Defnyddiwch {limit} nod neu lai.',
  },
};
