// The house-rule topics of a Living Together Agreement: one list, in the order the agreement form, the widget, the
// record page and the PDF show them. They are the agreement schema's `houseRules` properties, in the schema's order
// (test/rules/house-rules.test.ts holds the two equal), so a topic added to the schema fails the test until it is
// added here, and every caller shows it at once.
import type { LivingTogetherAgreement } from '@onward/schemas';

/** One house-rule topic: a key of the agreement's `houseRules`. */
export type HouseRuleTopic = keyof LivingTogetherAgreement['houseRules'];

/** Every house-rule topic, in the order they are shown. */
export const HOUSE_RULE_TOPICS: readonly HouseRuleTopic[] = [
  'visitors',
  'overnightGuests',
  'stayingAway',
  'keys',
  'quietHours',
  'smoking',
  'alcoholAndDrugs',
  'sharedSpaces',
  'other',
];

/** The topics this agreement has written something for, with what it says, in the order they are shown. */
export function writtenHouseRules(agreement: Pick<LivingTogetherAgreement, 'houseRules'>): [HouseRuleTopic, string][] {
  const out: [HouseRuleTopic, string][] = [];
  for (const k of HOUSE_RULE_TOPICS) {
    const v = agreement.houseRules[k];
    if (v) out.push([k, v]);
  }
  return out;
}
