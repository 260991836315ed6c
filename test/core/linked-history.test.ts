import { dayOneValue, sameMeasure, withEarlierHistory } from '../../src/core/linked-history';

test('a history tab’s measure is the client’s metric of that name, its unit in brackets aside', () => {
  expect(sameMeasure('Revenue', 'Revenue (USD)')).toBe(true);
  expect(sameMeasure('Weight (kg)', 'weight')).toBe(true);
  expect(sameMeasure('Revenue', 'Revenue growth')).toBe(false);
  expect(sameMeasure('', '(kg)')).toBe(false);
});

test('history counts before the client’s own first value, never over it', () => {
  const own = [
    { day: 20, value: 5 },
    { day: 10, value: 4 },
  ];
  const earlier = [
    { day: 1, value: 1 },
    { day: 12, value: 99 },
    { day: 5, value: 2 },
  ];
  expect(withEarlierHistory(own, earlier)).toEqual([
    { day: 1, value: 1 },
    { day: 5, value: 2 },
    { day: 10, value: 4 },
    { day: 20, value: 5 },
  ]);
  expect(withEarlierHistory([], earlier).map((p) => p.value)).toEqual([1, 2, 99]);
});

test('day one is the baseline set, else the first value history logged before the client’s own', () => {
  expect(dayOneValue(10, [{ day: 5, value: 7 }], [{ day: 1, value: 3 }])).toBe(10);
  expect(dayOneValue(null, [{ day: 5, value: 7 }], [{ day: 1, value: 3 }])).toBe(3);
  // Without earlier history the baseline stays unknown (the log's own first value is not day one).
  expect(dayOneValue(null, [{ day: 5, value: 7 }], [])).toBeNull();
});
