import { describe, expect, it } from 'vitest';
import { entryHash, hashWith, parseRoute } from '../../../src/glossary-page/route';

describe('glossary page routes', () => {
  it('reads every route from the hash', () => {
    expect(parseRoute('').name).toBe('browse');
    expect(parseRoute('#/').name).toBe('browse');
    expect(parseRoute('#/entry/trainium-2')).toMatchObject({ name: 'entry', id: 'trainium-2' });
    expect(parseRoute('#/graph?chain=tsmc').params.get('chain')).toBe('tsmc');
    expect(parseRoute('#/map?tab=42')).toMatchObject({ name: 'map', tabId: 42 });
    expect(parseRoute('#/map?tab=abc')).not.toHaveProperty('tabId');
    expect(parseRoute('#/settings').name).toBe('settings');
    expect(parseRoute('#/mine?edit=x').params.get('edit')).toBe('x');
    expect(parseRoute('#/nowhere').name).toBe('browse');
  });

  it('writes hashes that read back', () => {
    expect(parseRoute(entryHash('cuda'))).toMatchObject({ name: 'entry', id: 'cuda' });
    expect(hashWith('/graph', { chain: 'tsmc', dependents: undefined })).toBe('#/graph?chain=tsmc');
    expect(hashWith('/graph', {})).toBe('#/graph');
  });
});
