// Words shown in the dashboard: question and domain wording from the shipped en-GB locale (or a council's own),
// month names, and the names of groups and measures.
import { type CohortGroupId, type CohortMeasure, type DomainId, enGBWording, type LocaleFile } from '@onward/engine';

export interface Labels {
  question(id: string): string;
  domain(id: DomainId): string;
}

/** Labels from a locale file (default: the shipped en-GB wording). Unknown ids show as the id itself. */
export function labelsFrom(file: LocaleFile = enGBWording): Labels {
  const questions = (file as { questions?: Record<string, string> }).questions ?? {};
  const domains = (file as { domains?: Record<string, { title?: string }> }).domains ?? {};
  return {
    question: (id) => questions[id] ?? id,
    domain: (id) => domains[id]?.title ?? id,
  };
}

export const MONTHS = [
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
];

/** `2025-05` or `2025-05-31` → "May 2025". */
export function monthName(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/** `2025-05-31` → "31 May 2025". */
export function dayName(day: string): string {
  const [y, m, d] = day.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

export const GROUP_LABELS: Readonly<Record<CohortGroupId, string>> = {
  'staying-put': 'Staying Put',
  'other-care-leavers': 'Other care leavers',
};

export const MEASURE_LABELS: Readonly<Record<CohortMeasure, string>> = {
  neet: 'Not in education, employment or training',
  'neet-parenting': 'Not in education, employment or training: pregnant or parenting',
  'unsuitable-accommodation': 'Living somewhere not suitable',
  homeless: 'Homeless (no fixed address)',
  'emergency-accommodation': 'Emergency housing or bed and breakfast',
  custody: 'In custody',
};
