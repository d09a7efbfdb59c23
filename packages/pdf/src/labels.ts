// The fixed words of the PDF documents (headings, labels, footers) in English and Welsh. Question and domain
// wording come from the engine's Wording (or the words frozen with a plan); only the document's own frame is here.
import type { DomainId, HouseRuleTopic } from '@onward/engine';

export interface Labels {
  readonly lang: 'en-GB' | 'cy';
  readonly months: readonly string[];
  readonly page: (n: number, of: number) => string;
  readonly createdOn: (date: string) => string;
  /** Said at the end when some characters (an emoji, a script the font lacks) were drawn as a box. */
  readonly missingGlyphs: string;
  readonly plan: {
    readonly title: string;
    readonly titleFor: (name: string) => string;
    readonly fullName: string;
    readonly dateOfBirth: string;
    readonly category: string;
    readonly categories: Readonly<Record<'eligible' | 'relevant' | 'former-relevant' | 'qualifying', string>>;
    readonly started: string;
    readonly authorised: string;
    readonly notYetAuthorised: string;
    readonly nextReview: string;
    readonly pa: string;
    readonly socialWorker: string;
    readonly manager: string;
    readonly status: string;
    readonly council: string;
    readonly coverIntro: string;
    readonly ownWords: string;
    readonly ownWordsIntro: string;
    readonly myViews: string;
    readonly disagreements: string;
    readonly noViews: string;
    readonly notesBeside: string;
    readonly pronouns: string;
    readonly goingWell: string;
    readonly needsSupport: string;
    readonly notRelevant: string;
    readonly notAnswered: string;
    readonly summaryGoingWell: string;
    readonly summaryNeeds: string;
    readonly helpRequests: string;
    readonly askedForHelp: string;
    readonly notEnoughHelp: string;
    readonly goals: string;
    readonly goal: string;
    readonly what: string;
    readonly who: string;
    readonly byWhen: string;
    readonly done: string;
    readonly doneMark: string;
    readonly noActions: string;
    readonly paNotes: string;
    readonly managerNotes: string;
    readonly noteByWorker: string;
    readonly accommodation: string;
    readonly accommodationType: string;
    readonly suitable: string;
    readonly yes: string;
    readonly no: string;
    readonly assessment: string;
    readonly accommodationTypes: Readonly<Record<string, string>>;
    readonly contact: string;
    readonly contactWhat: string;
    readonly contactHowOften: string;
    readonly contactWho: string;
    readonly contingency: string;
    readonly notRecorded: string;
    readonly engagement: string;
    readonly completedBy: Readonly<
      Record<'young-person' | 'together' | 'together-by-phone' | 'worker-without-young-person', string>
    >;
    readonly attempts: string;
    readonly when: string;
    readonly how: string;
    readonly outcome: string;
    readonly note: string;
    readonly methods: Readonly<Record<'in-person' | 'phone' | 'video' | 'message' | 'letter', string>>;
    readonly outcomes: Readonly<Record<'engaged' | 'no-reply' | 'declined' | 'missed', string>>;
    readonly noAttempts: string;
    readonly consulted: string;
    readonly name: string;
    readonly role: string;
    readonly said: string;
    readonly returns: string;
    readonly returnedBy: (name: string, date: string) => string;
    readonly workerViews: string;
    readonly paView: string;
    readonly managerView: string;
    readonly signOffs: string;
    readonly signedOn: string;
    readonly comment: string;
    readonly noSignOffs: string;
    readonly roles: Readonly<Record<'young-person' | 'pa' | 'social-worker' | 'team-manager', string>>;
    readonly domainTitles: Readonly<Record<DomainId, string>>;
  };
  readonly agreement: {
    readonly title: string;
    readonly titleFor: (name: string) => string;
    readonly staffCopy: string;
    readonly youngPersonCopy: string;
    readonly parties: string;
    readonly youngPerson: string;
    readonly carers: string;
    readonly pa: string;
    readonly socialWorker: string;
    readonly supervisingSocialWorker: string;
    readonly address: string;
    readonly dates: string;
    readonly agreed: string;
    readonly starts: string;
    readonly firstReview: string;
    readonly plannedEnd: string;
    readonly checks: string;
    readonly dbsNeeded: string;
    readonly dbsDone: string;
    readonly carerApproved: string;
    readonly inPathwayPlan: string;
    readonly houseRules: string;
    readonly rules: Readonly<Record<HouseRuleTopic, string>>;
    readonly skills: string;
    readonly skill: string;
    readonly targetDate: string;
    readonly money: string;
    readonly contribution: string;
    readonly per: Readonly<Record<'week' | 'fortnight' | 'month', string>>;
    readonly method: string;
    readonly contributionStarts: string;
    readonly covers: string;
    readonly benefits: string;
    readonly carerAllowance: string;
    readonly arrears: string;
    readonly contracts: string;
    readonly support: string;
    readonly from: string;
    readonly what: string;
    readonly howOften: string;
    readonly supportFrom: Readonly<
      Record<'carer' | 'pa' | 'social-worker' | 'supervising-social-worker' | 'other', string>
    >;
    readonly responsibilities: string;
    readonly responsibilityOf: Readonly<Record<'youngPerson' | 'carer' | 'council', string>>;
    readonly disagreements: string;
    readonly ending: string;
    readonly noticeByYoungPerson: string;
    readonly noticeByCarer: string;
    readonly moveOnSteps: string;
    readonly unplanned: string;
    readonly signOffs: string;
    readonly party: string;
    readonly name: string;
    readonly signedOn: string;
    readonly copyGiven: string;
    readonly parties_: Readonly<
      Record<'young-person' | 'carer' | 'pa' | 'social-worker' | 'supervising-social-worker' | 'team-manager', string>
    >;
    readonly yes: string;
    readonly no: string;
    readonly notRecorded: string;
  };
}

const en: Labels = {
  lang: 'en-GB',
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  page: (n, of) => `Page ${n} of ${of}`,
  createdOn: (d) => `Made on ${d}`,
  missingGlyphs:
    'A □ marks a character this PDF cannot show, such as an emoji. The online plan shows the words exactly as written.',
  plan: {
    title: 'Pathway plan',
    titleFor: (name) => `${name}’s pathway plan`,
    fullName: 'Full name',
    dateOfBirth: 'Date of birth',
    category: 'Care-leaver status',
    categories: {
      eligible: 'Eligible (16 or 17, still looked after)',
      relevant: 'Relevant (16 or 17, left care)',
      'former-relevant': 'Former relevant (18 or over)',
      qualifying: 'Qualifying',
    },
    started: 'Plan started',
    authorised: 'Authorised',
    notYetAuthorised: 'Not yet authorised',
    nextReview: 'Next review',
    pa: 'Personal adviser (PA)',
    socialWorker: 'Social worker',
    manager: 'Manager',
    status: 'Status',
    council: 'Council',
    coverIntro: 'This plan was written with the young person. Their own words are shown exactly as they wrote them.',
    ownWords: 'In my own words',
    ownWordsIntro: 'What I want people to know about me and my plan.',
    myViews: 'My views',
    disagreements: 'What I disagree with',
    noViews: 'No views were written down for this plan.',
    notesBeside: 'What I wrote about each question is quoted beside my answer, in each part of this plan.',
    pronouns: 'Pronouns',
    goingWell: 'Going well',
    needsSupport: 'Needs support',
    notRelevant: 'Not relevant to me',
    notAnswered: 'Not answered yet',
    summaryGoingWell: 'In short: what is going well',
    summaryNeeds: 'In short: what is needed',
    helpRequests: 'Help I asked for',
    askedForHelp: 'I would like help with this',
    notEnoughHelp: 'I am not getting enough help with this',
    goals: 'Goals and actions',
    goal: 'Goal',
    what: 'What',
    who: 'Who',
    byWhen: 'By when',
    done: 'Done',
    doneMark: '✓ Done',
    noActions: 'No actions yet.',
    paNotes: 'Notes from my PA',
    managerNotes: 'Notes from the manager',
    noteByWorker: 'Answered by the worker',
    accommodation: 'Where I live',
    accommodationType: 'Type of home',
    suitable: 'Suitable for me',
    yes: 'Yes',
    no: 'No',
    assessment: 'Assessment',
    accommodationTypes: {
      B: 'With parents or relatives',
      C: 'Residential care',
      D: 'Semi-independent living',
      E: 'Supported lodgings',
      G: 'Living abroad',
      H: 'Deported',
      K: 'Ordinary lodgings',
      R: 'Not known',
      S: 'No fixed address',
      T: 'Foyer',
      U: 'Independent living',
      V: 'Emergency accommodation',
      W: 'Bed and breakfast',
      X: 'In custody',
      Y: 'Other',
      Z: 'With former foster carers ({arrangement})',
    },
    contact: 'Contact and support',
    contactWhat: 'What support',
    contactHowOften: 'How often',
    contactWho: 'Who',
    contingency: 'If the plan stops working',
    notRecorded: 'Not recorded.',
    engagement: 'How this plan was made',
    completedBy: {
      'young-person': 'The young person completed the checklist.',
      together: 'The young person and their worker completed the checklist together.',
      'together-by-phone': 'The young person and their worker completed the checklist together by phone.',
      'worker-without-young-person': 'Completed without the young person after three attempts to involve them.',
    },
    attempts: 'Attempts to meet',
    when: 'When',
    how: 'How',
    outcome: 'What happened',
    note: 'Note',
    methods: { 'in-person': 'In person', phone: 'Phone', video: 'Video call', message: 'Message', letter: 'Letter' },
    outcomes: { engaged: 'Took part', 'no-reply': 'No reply', declined: 'Said no', missed: 'Missed' },
    noAttempts: 'No attempts recorded.',
    consulted: 'People we asked',
    name: 'Name',
    role: 'Role',
    said: 'What they said',
    returns: 'Comments when the plan was returned',
    returnedBy: (name, date) => `${name}, ${date}`,
    workerViews: 'What my PA and manager think',
    paView: 'My PA',
    managerView: 'The manager',
    signOffs: 'Signed by',
    signedOn: 'Date',
    comment: 'Comment',
    noSignOffs: 'Nobody has signed this plan yet.',
    roles: {
      'young-person': 'Young person',
      pa: 'Personal adviser',
      'social-worker': 'Social worker',
      'team-manager': 'Team manager',
    },
    domainTitles: {
      housing: 'Housing',
      health: 'Health',
      relationships: 'Relationships',
      activities: 'Activities',
      money: 'Money',
      careers: 'Education, training and work',
      independence: 'Independence',
      identity: 'Identity',
    },
  },
  agreement: {
    title: 'Living Together Agreement',
    titleFor: (name) => `Living Together Agreement for ${name}`,
    staffCopy: 'Staff copy',
    youngPersonCopy: 'Young person’s copy',
    parties: 'Who this agreement is between',
    youngPerson: 'Young person',
    carers: 'Carers',
    pa: 'Personal adviser (PA)',
    socialWorker: 'Social worker',
    supervisingSocialWorker: 'Supervising social worker',
    address: 'Address',
    dates: 'Dates',
    agreed: 'Agreed',
    starts: 'Starts',
    firstReview: 'First review',
    plannedEnd: 'Planned end',
    checks: 'Checks',
    dbsNeeded: 'DBS check on the young person needed',
    dbsDone: 'DBS check done',
    carerApproved: 'Carer approved',
    inPathwayPlan: 'Part of the pathway plan',
    houseRules: 'House rules',
    rules: {
      visitors: 'Visitors',
      overnightGuests: 'Overnight guests',
      stayingAway: 'Staying away',
      keys: 'Keys',
      quietHours: 'Quiet times',
      smoking: 'Smoking',
      alcoholAndDrugs: 'Alcohol and drugs',
      sharedSpaces: 'Shared spaces',
      other: 'Other',
    },
    skills: 'Skills to practise',
    skill: 'Skill',
    targetDate: 'By when',
    money: 'Money',
    contribution: 'My contribution',
    per: { week: 'a week', fortnight: 'a fortnight', month: 'a month' },
    method: 'How I pay',
    contributionStarts: 'Payments start',
    covers: 'What it covers',
    benefits: 'Benefits and housing costs',
    carerAllowance: 'Allowance paid to the carer',
    arrears: 'If a payment is missed',
    contracts: 'Contracts at the address',
    support: 'Support',
    from: 'From',
    what: 'What',
    howOften: 'How often',
    supportFrom: {
      carer: 'Carer',
      pa: 'Personal adviser',
      'social-worker': 'Social worker',
      'supervising-social-worker': 'Supervising social worker',
      other: 'Other',
    },
    responsibilities: 'Who does what',
    responsibilityOf: { youngPerson: 'The young person', carer: 'The carer', council: 'The council' },
    disagreements: 'If we disagree',
    ending: 'When the arrangement ends',
    noticeByYoungPerson: 'Notice from the young person',
    noticeByCarer: 'Notice from the carer',
    moveOnSteps: 'Steps to move on',
    unplanned: 'If it ends suddenly',
    signOffs: 'Signed by',
    party: 'Who',
    name: 'Name',
    signedOn: 'Date',
    copyGiven: 'Copy given',
    parties_: {
      'young-person': 'Young person',
      carer: 'Carer',
      pa: 'Personal adviser',
      'social-worker': 'Social worker',
      'supervising-social-worker': 'Supervising social worker',
      'team-manager': 'Team manager',
    },
    yes: 'Yes',
    no: 'No',
    notRecorded: 'Not recorded.',
  },
};

const cy: Labels = {
  lang: 'cy',
  months: [
    'Ionawr',
    'Chwefror',
    'Mawrth',
    'Ebrill',
    'Mai',
    'Mehefin',
    'Gorffennaf',
    'Awst',
    'Medi',
    'Hydref',
    'Tachwedd',
    'Rhagfyr',
  ],
  page: (n, of) => `Tudalen ${n} o ${of}`,
  createdOn: (d) => `Gwnaed ar ${d}`,
  missingGlyphs:
    'Mae □ yn dangos nod na all y PDF hwn ei ddangos, fel emoji. Mae’r cynllun ar-lein yn dangos y geiriau yn union fel y cawsant eu hysgrifennu.',
  plan: {
    title: 'Cynllun llwybr',
    titleFor: (name) => `Cynllun llwybr ${name}`,
    fullName: 'Enw llawn',
    dateOfBirth: 'Dyddiad geni',
    category: 'Statws gadael gofal',
    categories: {
      eligible: 'Cymwys (16 neu 17, yn dal i dderbyn gofal)',
      relevant: 'Perthnasol (16 neu 17, wedi gadael gofal)',
      'former-relevant': 'Cyn-berthnasol (18 neu hŷn)',
      qualifying: 'Yn gymwys am gyngor a chymorth',
    },
    started: 'Dechrau’r cynllun',
    authorised: 'Awdurdodwyd',
    notYetAuthorised: 'Heb ei awdurdodi eto',
    nextReview: 'Adolygiad nesaf',
    pa: 'Ymgynghorydd personol',
    socialWorker: 'Gweithiwr cymdeithasol',
    manager: 'Rheolwr',
    status: 'Statws',
    council: 'Cyngor',
    coverIntro:
      'Ysgrifennwyd y cynllun hwn gyda’r person ifanc. Mae eu geiriau eu hunain i’w gweld yn union fel y gwnaethon nhw eu hysgrifennu.',
    ownWords: 'Yn fy ngeiriau fy hun',
    ownWordsIntro: 'Beth rydw i eisiau i bobl ei wybod amdana i a’m cynllun.',
    myViews: 'Fy marn',
    disagreements: 'Beth rydw i’n anghytuno ag ef',
    noViews: 'Ni chafodd unrhyw farn ei hysgrifennu ar gyfer y cynllun hwn.',
    notesBeside:
      'Mae’r hyn a ysgrifennais am bob cwestiwn wedi’i ddyfynnu wrth ymyl fy ateb, ym mhob rhan o’r cynllun hwn.',
    pronouns: 'Rhagenwau',
    goingWell: 'Yn mynd yn dda',
    needsSupport: 'Angen cymorth',
    notRelevant: 'Ddim yn berthnasol i mi',
    notAnswered: 'Heb ei ateb eto',
    summaryGoingWell: 'Yn fyr: beth sy’n mynd yn dda',
    summaryNeeds: 'Yn fyr: beth sydd ei angen',
    helpRequests: 'Help y gofynnais amdano',
    askedForHelp: 'Hoffwn gael help gyda hyn',
    notEnoughHelp: 'Dydw i ddim yn cael digon o help gyda hyn',
    goals: 'Nodau a chamau gweithredu',
    goal: 'Nod',
    what: 'Beth',
    who: 'Pwy',
    byWhen: 'Erbyn pryd',
    done: 'Wedi’i wneud',
    doneMark: '✓ Wedi’i wneud',
    noActions: 'Dim camau eto.',
    paNotes: 'Nodiadau gan fy ymgynghorydd personol',
    managerNotes: 'Nodiadau gan y rheolwr',
    noteByWorker: 'Atebwyd gan y gweithiwr',
    accommodation: 'Ble rydw i’n byw',
    accommodationType: 'Math o gartref',
    suitable: 'Addas i mi',
    yes: 'Ydy',
    no: 'Nac ydy',
    assessment: 'Asesiad',
    accommodationTypes: {
      B: 'Gyda rhieni neu berthnasau',
      C: 'Gofal preswyl',
      D: 'Byw lled-annibynnol',
      E: 'Llety â chymorth',
      G: 'Byw dramor',
      H: 'Wedi’i alltudio',
      K: 'Llety cyffredin',
      R: 'Ddim yn hysbys',
      S: 'Dim cyfeiriad sefydlog',
      T: 'Foyer',
      U: 'Byw’n annibynnol',
      V: 'Llety brys',
      W: 'Gwely a brecwast',
      X: 'Yn y ddalfa',
      Y: 'Arall',
      Z: 'Gyda chyn-ofalwyr maeth ({arrangement})',
    },
    contact: 'Cyswllt a chymorth',
    contactWhat: 'Pa gymorth',
    contactHowOften: 'Pa mor aml',
    contactWho: 'Pwy',
    contingency: 'Os nad yw’r cynllun yn gweithio',
    notRecorded: 'Heb ei gofnodi.',
    engagement: 'Sut y gwnaed y cynllun hwn',
    completedBy: {
      'young-person': 'Llenwodd y person ifanc y rhestr wirio.',
      together: 'Llenwodd y person ifanc a’u gweithiwr y rhestr wirio gyda’i gilydd.',
      'together-by-phone': 'Llenwodd y person ifanc a’u gweithiwr y rhestr wirio gyda’i gilydd dros y ffôn.',
      'worker-without-young-person': 'Wedi’i gwblhau heb y person ifanc ar ôl tri chynnig i’w cynnwys.',
    },
    attempts: 'Cynigion i gyfarfod',
    when: 'Pryd',
    how: 'Sut',
    outcome: 'Beth ddigwyddodd',
    note: 'Nodyn',
    methods: {
      'in-person': 'Wyneb yn wyneb',
      phone: 'Ffôn',
      video: 'Galwad fideo',
      message: 'Neges',
      letter: 'Llythyr',
    },
    outcomes: { engaged: 'Cymerodd ran', 'no-reply': 'Dim ateb', declined: 'Dywedodd na', missed: 'Wedi’i golli' },
    noAttempts: 'Dim cynigion wedi’u cofnodi.',
    consulted: 'Pobl y gwnaethom eu holi',
    name: 'Enw',
    role: 'Rôl',
    said: 'Beth ddywedon nhw',
    returns: 'Sylwadau pan anfonwyd y cynllun yn ôl',
    returnedBy: (name, date) => `${name}, ${date}`,
    workerViews: 'Beth mae fy ymgynghorydd personol a’r rheolwr yn ei feddwl',
    paView: 'Fy ymgynghorydd personol',
    managerView: 'Y rheolwr',
    signOffs: 'Llofnodwyd gan',
    signedOn: 'Dyddiad',
    comment: 'Sylw',
    noSignOffs: 'Does neb wedi llofnodi’r cynllun hwn eto.',
    roles: {
      'young-person': 'Person ifanc',
      pa: 'Ymgynghorydd personol',
      'social-worker': 'Gweithiwr cymdeithasol',
      'team-manager': 'Rheolwr tîm',
    },
    domainTitles: {
      housing: 'Tai',
      health: 'Iechyd',
      relationships: 'Perthnasoedd',
      activities: 'Gweithgareddau',
      money: 'Arian',
      careers: 'Addysg, hyfforddiant a gwaith',
      independence: 'Annibyniaeth',
      identity: 'Hunaniaeth',
    },
  },
  agreement: {
    title: 'Cytundeb Byw Gyda’n Gilydd',
    titleFor: (name) => `Cytundeb Byw Gyda’n Gilydd ar gyfer ${name}`,
    staffCopy: 'Copi’r staff',
    youngPersonCopy: 'Copi’r person ifanc',
    parties: 'Rhwng pwy mae’r cytundeb hwn',
    youngPerson: 'Person ifanc',
    carers: 'Gofalwyr',
    pa: 'Ymgynghorydd personol',
    socialWorker: 'Gweithiwr cymdeithasol',
    supervisingSocialWorker: 'Gweithiwr cymdeithasol goruchwylio',
    address: 'Cyfeiriad',
    dates: 'Dyddiadau',
    agreed: 'Cytunwyd',
    starts: 'Yn dechrau',
    firstReview: 'Adolygiad cyntaf',
    plannedEnd: 'Diwedd a gynlluniwyd',
    checks: 'Gwiriadau',
    dbsNeeded: 'Angen gwiriad DBS ar y person ifanc',
    dbsDone: 'Gwiriad DBS wedi’i wneud',
    carerApproved: 'Gofalwr wedi’i gymeradwyo',
    inPathwayPlan: 'Yn rhan o’r cynllun llwybr',
    houseRules: 'Rheolau’r tŷ',
    rules: {
      visitors: 'Ymwelwyr',
      overnightGuests: 'Gwesteion dros nos',
      stayingAway: 'Aros i ffwrdd',
      keys: 'Allweddi',
      quietHours: 'Amseroedd tawel',
      smoking: 'Ysmygu',
      alcoholAndDrugs: 'Alcohol a chyffuriau',
      sharedSpaces: 'Mannau a rennir',
      other: 'Arall',
    },
    skills: 'Sgiliau i’w hymarfer',
    skill: 'Sgil',
    targetDate: 'Erbyn pryd',
    money: 'Arian',
    contribution: 'Fy nghyfraniad',
    per: { week: 'yr wythnos', fortnight: 'bob pythefnos', month: 'y mis' },
    method: 'Sut rydw i’n talu',
    contributionStarts: 'Taliadau’n dechrau',
    covers: 'Beth mae’n ei gynnwys',
    benefits: 'Budd-daliadau a chostau tai',
    carerAllowance: 'Lwfans a delir i’r gofalwr',
    arrears: 'Os collir taliad',
    contracts: 'Contractau yn y cyfeiriad',
    support: 'Cymorth',
    from: 'Gan',
    what: 'Beth',
    howOften: 'Pa mor aml',
    supportFrom: {
      carer: 'Gofalwr',
      pa: 'Ymgynghorydd personol',
      'social-worker': 'Gweithiwr cymdeithasol',
      'supervising-social-worker': 'Gweithiwr cymdeithasol goruchwylio',
      other: 'Arall',
    },
    responsibilities: 'Pwy sy’n gwneud beth',
    responsibilityOf: { youngPerson: 'Y person ifanc', carer: 'Y gofalwr', council: 'Y cyngor' },
    disagreements: 'Os ydym yn anghytuno',
    ending: 'Pan fydd y trefniant yn dod i ben',
    noticeByYoungPerson: 'Rhybudd gan y person ifanc',
    noticeByCarer: 'Rhybudd gan y gofalwr',
    moveOnSteps: 'Camau i symud ymlaen',
    unplanned: 'Os daw i ben yn sydyn',
    signOffs: 'Llofnodwyd gan',
    party: 'Pwy',
    name: 'Enw',
    signedOn: 'Dyddiad',
    copyGiven: 'Copi wedi’i roi',
    parties_: {
      'young-person': 'Person ifanc',
      carer: 'Gofalwr',
      pa: 'Ymgynghorydd personol',
      'social-worker': 'Gweithiwr cymdeithasol',
      'supervising-social-worker': 'Gweithiwr cymdeithasol goruchwylio',
      'team-manager': 'Rheolwr tîm',
    },
    yes: 'Ydy',
    no: 'Nac ydy',
    notRecorded: 'Heb ei gofnodi.',
  },
};

/** The document labels for a locale: Welsh for `cy` and `cy-…`, English otherwise. */
export function labelsFor(locale: string): Labels {
  return locale === 'cy' || locale.startsWith('cy-') ? cy : en;
}

// Date-times are shown on the calendar of the UK (Europe/London), whatever the time zone of the machine that
// renders the PDF, so the server and a browser abroad give the same document.
const london = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function londonParts(d: Date): { year: number; month: number; day: number; hour: string; minute: string } {
  const parts = Object.fromEntries(london.formatToParts(d).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: parts.hour ?? '00',
    minute: parts.minute ?? '00',
  };
}

/** A calendar date (`YYYY-MM-DD`) or a date-time as "15 January 2026". */
export function formatDate(labels: Labels, value: string | Date): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return `${d} ${labels.months[m - 1] ?? m} ${y}`;
  }
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  const p = londonParts(date);
  return `${p.day} ${labels.months[p.month - 1]} ${p.year}`;
}

/** A date-time as "15 January 2026, 09:30" (UK time). */
export function formatDateTime(labels: Labels, value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const p = londonParts(date);
  return `${p.day} ${labels.months[p.month - 1]} ${p.year}, ${p.hour}:${p.minute}`;
}
