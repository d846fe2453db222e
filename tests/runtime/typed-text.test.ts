import { describe, expect, it } from 'vitest';
import { TypedText } from '../../src/runtime/typed-text.js';

describe('TypedText', () => {
  it('moves only the edited section’s epoch on when a typed text changes', () => {
    const typed = new TypedText();
    const card = typed.epochOf('card');
    const fund = typed.epochOf('fund');
    typed.set('/fund/rate', '05');
    expect(typed.texts.get('/fund/rate')).toBe('05');
    expect(typed.epochOf('fund')).not.toBe(fund);
    expect(typed.epochOf('card')).toBe(card);
  });

  it('keeps the epoch when the same text is set again, and forgets a text set to undefined', () => {
    const typed = new TypedText();
    typed.set('/fund/rate', '05');
    const epoch = typed.epochOf('fund');
    typed.set('/fund/rate', '05');
    expect(typed.epochOf('fund')).toBe(epoch);
    typed.set('/fund/rate', undefined);
    expect(typed.texts.has('/fund/rate')).toBe(false);
    expect(typed.epochOf('fund')).not.toBe(epoch);
  });

  it('changes every section’s epoch when replaced, and takes the given texts over', () => {
    const typed = new TypedText();
    typed.set('/fund/rate', '05');
    const card = typed.epochOf('card');
    typed.replace({ '/card/count': '007' });
    expect(typed.epochOf('card')).not.toBe(card);
    expect([...typed.texts]).toEqual([['/card/count', '007']]);
    typed.replace();
    expect(typed.texts.size).toBe(0);
  });

  it('keeps in a draft only the texts of fields that have a value', () => {
    const typed = new TypedText();
    typed.set('/fund/rate', '05');
    typed.set('/card/count', '007');
    expect(typed.keptIn({ fund: { rate: 5 } })).toEqual({ '/fund/rate': '05' });
    expect(typed.keptIn({})).toEqual({});
  });
});
