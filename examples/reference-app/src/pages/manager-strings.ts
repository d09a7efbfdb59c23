// Words of the dashboard and Staying Put pages that the shared i18n file does not hold (English, Welsh draft).
import type { Prefs } from '../i18n.js';

const en = {
  chartsIntro:
    'Charts, trends over two years, the Staying Put comparison and the cost estimate are below. Each chart has a table and a sentence saying what it shows. You can download the figures as a spreadsheet.',
  tablesOnly: 'The figures as tables',
  stayingPutComparison: 'Staying Put and other care leavers',
  stayingPutIntro:
    'Young people who are or have been in Staying Put, against other care leavers, on their latest plan (percent of each group).',
  measure: 'Measure',
  stayingPutGroup: 'Staying Put',
  otherGroup: 'Other care leavers',
  costEstimate: 'Estimated costs avoided',
  costIntro:
    'Worked out from unit costs and national figures. The figures have not yet been checked against the original publications.',
  costLine: 'Estimate',
  amount: 'Amount',
  people: 'Young people',
  noCosts: 'No estimate: not enough young people yet.',
  // Staying Put steps
  arrangement: 'Staying Put arrangement',
  step: 'Step now',
  deadlines: 'Deadlines',
  due: 'Due by',
  overdueTag: 'Overdue',
  nextSteps: 'What can happen next',
  noNextSteps: 'There is nothing for you to do at this step.',
  open: 'Open',
  done: 'Step saved.',
  on: 'Date',
  comment: 'Comment (optional)',
  reason: 'Reason',
  attendees: 'Who came (one per line)',
  youngPersonWants: 'The young person wants to stay',
  carerWilling: 'The carer is willing',
  carerApproved: 'Carer approved by the fostering service',
  dbsStarted: 'DBS check started',
  dbsDone: 'DBS check done',
  kind: 'Kind of review',
  activity: 'What the young person does now (ACTIV code)',
  accommodation: 'Where the young person lives now (ACCOM code)',
  yes: 'Yes',
  no: 'No',
  myArrangements: 'Staying Put arrangements you are part of',
  noArrangements: 'You are not named on any Staying Put arrangement.',
  youngPerson: 'Young person',
  nextDeadline: 'Next deadline',
};
export type ManagerStrings = typeof en;

const cy: ManagerStrings = {
  chartsIntro:
    'Mae siartiau, tueddiadau dros ddwy flynedd, y gymhariaeth Staying Put a’r amcangyfrif costau isod. Mae gan bob siart dabl a brawddeg sy’n dweud beth mae’n ei ddangos. Gallwch lawrlwytho’r ffigurau fel taenlen.',
  tablesOnly: 'Y ffigurau fel tablau',
  stayingPutComparison: 'Staying Put a phobl eraill sy’n gadael gofal',
  stayingPutIntro:
    'Pobl ifanc sydd neu a fu mewn trefniant Staying Put, o’u cymharu â phobl eraill sy’n gadael gofal, ar eu cynllun diweddaraf (canran pob grŵp).',
  measure: 'Mesur',
  stayingPutGroup: 'Staying Put',
  otherGroup: 'Pobl eraill sy’n gadael gofal',
  costEstimate: 'Amcangyfrif o’r costau a osgowyd',
  costIntro:
    'Wedi’i gyfrifo o gostau uned a ffigurau cenedlaethol. Nid yw’r ffigurau wedi’u gwirio yn erbyn y cyhoeddiadau gwreiddiol eto.',
  costLine: 'Amcangyfrif',
  amount: 'Swm',
  people: 'Pobl ifanc',
  noCosts: 'Dim amcangyfrif: dim digon o bobl ifanc eto.',
  arrangement: 'Trefniant Staying Put',
  step: 'Cam nawr',
  deadlines: 'Terfynau amser',
  due: 'Erbyn',
  overdueTag: 'Hwyr',
  nextSteps: 'Beth all ddigwydd nesaf',
  noNextSteps: 'Does dim i chi ei wneud ar y cam hwn.',
  open: 'Agor',
  done: 'Cam wedi’i gadw.',
  on: 'Dyddiad',
  comment: 'Sylw (dewisol)',
  reason: 'Rheswm',
  attendees: 'Pwy ddaeth (un ar bob llinell)',
  youngPersonWants: 'Mae’r person ifanc eisiau aros',
  carerWilling: 'Mae’r gofalwr yn fodlon',
  carerApproved: 'Gofalwr wedi’i gymeradwyo gan y gwasanaeth maethu',
  dbsStarted: 'Gwiriad DBS wedi dechrau',
  dbsDone: 'Gwiriad DBS wedi’i wneud',
  kind: 'Math o adolygiad',
  activity: 'Beth mae’r person ifanc yn ei wneud nawr (cod ACTIV)',
  accommodation: 'Ble mae’r person ifanc yn byw nawr (cod ACCOM)',
  yes: 'Ydy',
  no: 'Nac ydy',
  myArrangements: 'Trefniadau Staying Put rydych chi’n rhan ohonynt',
  noArrangements: 'Nid ydych wedi’ch enwi ar unrhyw drefniant Staying Put.',
  youngPerson: 'Person ifanc',
  nextDeadline: 'Terfyn amser nesaf',
};

export function managerStrings(p: Prefs): ManagerStrings {
  return p.lang === 'cy' ? cy : en;
}
