/**
 * Health on the client card: the score and its band (colored), the trend against four weeks ago, the
 * drivers (each signal's own score, weakest first) and what moved since last week. The numbers come
 * from the server (core/health via workbook/card-advice): the sidebar only shows them.
 */
import type { CardAdvice } from '../../ui/rpc-types';
import { h } from '../dom';

const TONE = { Red: 'bad', Yellow: 'warn', Green: 'good' } as const;

function trendText(change: number | null, before: number | null): { text: string; tone: string } {
  if (change === null) return { text: before === null ? 'no score four weeks ago' : '', tone: 'steady' };
  if (change === 0) return { text: '■ same as 4 weeks ago', tone: 'steady' };
  return change > 0
    ? { text: `▲ ${change} in 4 weeks`, tone: 'rising' }
    : { text: `▼ ${-change} in 4 weeks`, tone: 'falling' };
}

/** One line near the top of the card: the score, its band and the trend (the details come after Progress). */
export function healthSummary(advice: CardAdvice): HTMLElement {
  const { health } = advice;
  if (health.score === null || health.band === null)
    return h(
      'p',
      { class: 'health-head muted small', 'data-section': 'health-summary', 'data-field': 'health-score' },
      'Health: no score yet. The first check-in (progress or satisfaction) gives one.',
    );
  const trend = trendText(health.change, health.fourWeeksAgo);
  return h(
    'div',
    {
      class: 'health-head',
      'data-section': 'health-summary',
      title: `${health.signalsWithData} of ${health.signalsTotal} signals had data`,
    },
    h('span', { class: 'health-label' }, 'Health'),
    h(
      'span',
      { class: `health-score ${TONE[health.band]}`, 'data-field': 'health-score' },
      String(health.score),
    ),
    h('span', { class: `pill ${TONE[health.band]}`, 'data-field': 'health-band' }, health.band),
    h(
      'span',
      {
        class: `trend ${trend.tone}`,
        'data-field': 'health-trend',
        title: health.fourWeeksAgo === null ? null : `${health.fourWeeksAgo} four weeks ago`,
      },
      trend.text,
    ),
  );
}

/** What the score is made of (each signal, weakest first) and what moved since last week. */
export function healthSection(advice: CardAdvice): HTMLElement | null {
  const { health } = advice;
  if (health.score === null || health.band === null) return null;
  return h(
    'section',
    { class: 'card-section health', 'data-section': 'health' },
    h('h3', null, 'Health drivers'),
    h(
      'p',
      { class: 'muted small' },
      `${health.signalsWithData} of ${health.signalsTotal} signals had data; a signal without data is left out.`,
    ),
    h(
      'ul',
      {
        class: 'drivers',
        'data-field': 'health-drivers',
        'aria-label': 'What the score is made of, weakest first',
      },
      health.drivers.map((driver) =>
        h(
          'li',
          { 'data-signal': driver.name },
          h('span', { class: 'driver-name' }, driver.name),
          h('span', { class: 'driver-reading muted' }, driver.reading),
          h(
            'span',
            {
              class: `driver-bar ${driver.points <= 50 ? 'bad' : driver.points <= 75 ? 'warn' : 'good'}`,
              role: 'meter',
              'aria-label': `${driver.name}: ${driver.points} of 100`,
              'aria-valuemin': 0,
              'aria-valuemax': 100,
              'aria-valuenow': driver.points,
            },
            h('span', { style: `width:${driver.points}%` }),
          ),
        ),
      ),
    ),
    h('h4', null, 'Since last week'),
    health.moved.length
      ? h(
          'ul',
          { class: 'moved', 'data-field': 'health-moved' },
          health.moved.map((move) =>
            h(
              'li',
              { class: move.direction, 'data-signal': move.name },
              h(
                'span',
                { class: 'moved-arrow', 'aria-hidden': 'true' },
                move.direction === 'better' ? '▲' : move.direction === 'worse' ? '▼' : '●',
              ),
              h(
                'span',
                null,
                move.direction === 'new'
                  ? `${move.name}: now ${move.now}`
                  : `${move.name}: ${move.before} → ${move.now}`,
              ),
            ),
          ),
        )
      : h('p', { class: 'muted small', 'data-field': 'health-moved' }, 'Nothing moved.'),
  );
}
