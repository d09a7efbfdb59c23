// UI strings for the check-in. See ./index.ts for how they are looked up and overridden.
import type { Catalogues } from './index.js';

export const checkInStrings: Catalogues = {
  'en-GB': {
    'checkIn.title': 'How are things?',
    'checkIn.intro': 'Pick a face for each part of your life you want to tell us about. It takes about a minute.',
    'checkIn.mood.good': 'Good',
    'checkIn.mood.ok': 'OK',
    'checkIn.mood.bad': 'Not good',
    'checkIn.help': 'I want help with this',
    'checkIn.note': 'Add a note',
    'checkIn.submit': 'Send my check-in',
    'checkIn.sent': 'Thanks. Your check-in has been sent.',
    'checkIn.needOne': 'Pick a face for at least one part of your life.',
    'checkIn.noteField': 'Your note about {domain}',
    'checkIn.onlyYoungPerson': 'Only the young person can fill in a check-in. This is what they said.',
    'checkIn.nothing': 'No answer',
    'checkIn.wantsHelp': 'Wants help',
    'checkIn.pickFace': 'Pick a face for {domain}, or remove your note and help request.',
  },
  'en-GB:easy': {
    'checkIn.intro': 'Pick a face for each part of your life. It takes about one minute.',
    'checkIn.needOne': 'Pick at least one face.',
  },
  cy: {
    'checkIn.title': 'Sut mae pethau?',
    'checkIn.intro': 'Dewiswch wyneb ar gyfer pob rhan o’ch bywyd yr hoffech sôn amdani. Mae’n cymryd tua munud.',
    'checkIn.mood.good': 'Da',
    'checkIn.mood.ok': 'Iawn',
    'checkIn.mood.bad': 'Ddim yn dda',
    'checkIn.help': 'Rydw i eisiau help gyda hyn',
    'checkIn.note': 'Ychwanegu nodyn',
    'checkIn.submit': 'Anfon fy ngwiriad',
    'checkIn.sent': 'Diolch. Mae eich gwiriad wedi’i anfon.',
    'checkIn.needOne': 'Dewiswch wyneb ar gyfer o leiaf un rhan o’ch bywyd.',
    'checkIn.noteField': 'Eich nodyn am {domain}',
    'checkIn.onlyYoungPerson': 'Dim ond y person ifanc all lenwi gwiriad. Dyma beth ddywedon nhw.',
    'checkIn.nothing': 'Dim ateb',
    'checkIn.wantsHelp': 'Eisiau help',
    'checkIn.pickFace': 'Dewiswch wyneb ar gyfer {domain}, neu dynnwch eich nodyn a’ch cais am help.',
  },
};
