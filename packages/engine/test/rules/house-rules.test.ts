// The one list of house-rule topics, held equal to the agreement schema.
import agreementSchema from '@onward/schemas/staying-put/living-together-agreement.schema.js';
import { describe, expect, it } from 'vitest';
import { HOUSE_RULE_TOPICS, writtenHouseRules } from '../../src/index.js';

describe('house-rule topics', () => {
  it('are the schema’s houseRules properties, in the schema’s order', () => {
    const schemaTopics = Object.keys(agreementSchema.properties.houseRules.properties);
    expect([...HOUSE_RULE_TOPICS]).toEqual(schemaTopics);
  });

  it('writtenHouseRules keeps only topics with words, in the shown order', () => {
    expect(writtenHouseRules({ houseRules: { other: 'Feed the cat', visitors: 'Ask first', keys: '' } })).toEqual([
      ['visitors', 'Ask first'],
      ['other', 'Feed the cat'],
    ]);
    expect(writtenHouseRules({ houseRules: {} })).toEqual([]);
  });
});
