import { crossingClients, estimateMs, CALL_COSTS, EXECUTION_LIMIT_MS } from '../../dev/bench/limits';

const isDocument = (name: string) => name.startsWith('Range.') && name !== 'Range.getA1Notation';

test('estimateMs prices document calls, property reads and writes, and nothing for handle getters', () => {
  const ms = estimateMs(
    {
      'Range.getValues': 2,
      'Properties.getProperty': 1,
      'Properties.setProperty': 1,
      'Range.getA1Notation': 5,
      'Session.getActiveUser': 3,
    },
    isDocument,
  );
  expect(ms).toBeCloseTo(
    2 * CALL_COSTS.document.ms + CALL_COSTS.propertyRead.ms + CALL_COSTS.propertyWrite.ms,
  );
});

test('a flow whose cost does not grow never crosses the limit', () => {
  expect(
    crossingClients([
      { clients: 10, ms: 500 },
      { clients: 100, ms: 500 },
    ]),
  ).toBeNull();
});

test('a flow that grows crosses the 6-minute limit where its line from the two largest sizes reaches it', () => {
  // 1 s per client on top of 1 s: the line reaches 360 s at 359 clients.
  const points = [
    { clients: 1, ms: 2_000 },
    { clients: 10, ms: 11_000 },
    { clients: 100, ms: 101_000 },
  ];
  expect(crossingClients(points)).toBe(359);
  expect(crossingClients(points, EXECUTION_LIMIT_MS / 2)).toBe(179);
});
