import { describe, expect, it } from 'vitest';
import { type FieldExtractor, withHelper } from '../../../../src/lanes/booking/nl/extractor.ts';
import type { ParseContext, ParsedRequest } from '../../../../src/lanes/booking/nl/parse.ts';

const context: ParseContext = {
  now: Date.parse('2030-06-03T03:00:00Z'),
  timeZone: 'Asia/Tokyo',
  dateOrder: 'month-first',
  resources: [{ id: 'r000000000001', name: 'Room' }],
};
// A model's output is untyped JSON: the helper hands it over unchecked, as a real one would.
const helperSaying = (fields: unknown): FieldExtractor => ({ extract: async () => fields as ParsedRequest });

describe('withHelper (an optional model-based extractor)', () => {
  it('GIVEN the parser found the time THEN the helper only fills what is missing', async () => {
    const extractor = withHelper(helperSaying({ minutes: 600, party: 4 }));
    expect(await extractor.extract('明日19時に予約', context)).toMatchObject({
      intent: 'book',
      date: '2030-06-04',
      minutes: 1140,
      party: 4,
    });
  });

  it('GIVEN a helper that answers nonsense, an unknown resource or throws THEN the parser’s reading stands alone', async () => {
    expect(await withHelper(helperSaying({ party: -3, date: '2030-02-30' })).extract('明日19時', context)).not.toHaveProperty('party');
    expect(await withHelper(helperSaying({ resourceId: 'r999999999999' })).extract('明日19時', context)).not.toHaveProperty('resourceId');
    const throwing: FieldExtractor = { extract: async () => Promise.reject(new Error('model down')) };
    expect(await withHelper(throwing).extract('明日19時', context)).toMatchObject({ date: '2030-06-04', minutes: 1140 });
  });
});
