// Published figures the insights compare against, stored as data with where they come from. `verified` is true only
// when someone has checked the figure against the original publication; a council can replace any of them.

/** A published figure with its source. */
export interface SourcedFigure {
  readonly id: string;
  /** What the figure is, in plain words. */
  readonly label: string;
  readonly value: number;
  /** `GBP` for money, `percent` for a rate (0-100), `count` for a number of people. */
  readonly unit: 'GBP' | 'percent' | 'count';
  /** Who published it and where. */
  readonly source: string;
  /** The year the figure is for (or was published). */
  readonly year: number;
  /** True once checked against the original publication, not only a quotation of it. */
  readonly verified: boolean;
  /** Anything a reader should know: rounding, what is included, how it was derived. */
  readonly note?: string;
}

/** Unit costs used by the cost-avoidance estimate. Councils pass their own to estimateCostAvoidance. */
export const DEFAULT_UNIT_COSTS: readonly SourcedFigure[] = [
  {
    id: 'rough-sleeping-12-months',
    label: 'Public cost of one person sleeping rough for 12 months',
    value: 20128,
    unit: 'GBP',
    source:
      'Crisis, "At what cost? An estimation of the financial costs of single homelessness in the UK" (N. Pleace, University of York, July 2015), as quoted on slide 25 of "Staying Put: Leeds experience of implementation" (2019)',
    year: 2015,
    verified: false,
    note: 'Taken from the Leeds slide, which names Crisis as the source; not yet checked against the report itself.',
  },
  {
    id: 'homelessness-nhs-3-months',
    label: 'Average cost to NHS services of one person homeless for three months or longer',
    value: 4298,
    unit: 'GBP',
    source: 'Crisis, "At what cost?" (2015), as quoted on the Leeds Staying Put slide 25 (2019)',
    year: 2015,
    verified: false,
  },
  {
    id: 'homelessness-mental-health-3-months',
    label: 'Average cost to mental health services of one person homeless for three months or longer',
    value: 2099,
    unit: 'GBP',
    source: 'Crisis, "At what cost?" (2015), as quoted on the Leeds Staying Put slide 25 (2019)',
    year: 2015,
    verified: false,
  },
  {
    id: 'homelessness-criminal-justice-3-months',
    label: 'Average criminal justice cost of one person homeless for three months or longer who is in contact with it',
    value: 11991,
    unit: 'GBP',
    source: 'Crisis, "At what cost?" (2015), as quoted on the Leeds Staying Put slide 25 (2019)',
    year: 2015,
    verified: false,
  },
  {
    id: 'neet-lifetime-public-cost',
    label: 'Direct lifetime cost to the public purse of one young person who stays NEET',
    value: 65000,
    unit: 'GBP',
    source: '"Staying Put: Leeds experience of implementation" (Leeds Children and Families Services, 2019), slide 25',
    year: 2019,
    verified: false,
    note: 'Not stated on the slide: worked out from it (£3,055,000 for 47 young people = £65,000 each). The slide does not name the study behind it. The University of York study for the Audit Commission (Coles and others, 2010) gives about £56,000 per 16-18 year old NEET in public finance costs; a council should choose and check its own figure.',
  },
];

/** National figures to compare a council's young people with. */
export const NATIONAL_BENCHMARKS: readonly SourcedFigure[] = [
  {
    id: 'care-leavers-19-21-neet',
    label: 'Care leavers aged 19 to 21 not in education, employment or training (England)',
    value: 40,
    unit: 'percent',
    source:
      'Department for Education, "Children looked after in England including adoption" (care leavers tables), as quoted on slide 22 of the Leeds Staying Put slides (2019)',
    year: 2017,
    verified: false,
    note: 'National percentages include young people with no information in the denominator.',
  },
  {
    id: 'all-19-21-neet',
    label: 'All young people aged 19 to 21 not in education, employment or training (England)',
    value: 13,
    unit: 'percent',
    source: 'Department for Education, as quoted on slide 22 of the Leeds Staying Put slides (2019)',
    year: 2017,
    verified: false,
  },
  {
    id: 'care-leavers-19-21-suitable-accommodation-2018',
    label: 'Care leavers aged 19 to 21 in suitable accommodation (England)',
    value: 84,
    unit: 'percent',
    source: 'Department for Education, "Children looked after in England including adoption", 2018',
    year: 2018,
    verified: false,
    note: 'About 9% had no information and are in the denominator.',
  },
  {
    id: 'care-leavers-19-21-suitable-accommodation-2019',
    label: 'Care leavers aged 19 to 21 in suitable accommodation (England)',
    value: 85,
    unit: 'percent',
    source: 'Department for Education, "Children looked after in England including adoption", 2019',
    year: 2019,
    verified: false,
    note: 'About 9% had no information and are in the denominator.',
  },
];

/** Find a figure by id in a list; throws naming the id when it is missing. */
export function figureById(list: readonly SourcedFigure[], id: string): SourcedFigure {
  const f = list.find((x) => x.id === id);
  if (!f) throw new Error(`There is no figure "${id}" (known: ${list.map((x) => x.id).join(', ')}).`);
  return f;
}
