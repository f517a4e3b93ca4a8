import { describe, expect, it } from 'vitest';
import { shortName } from '../../../src/ui/Card';
import { jurisdictionColor } from '../../../src/ui/colors';

describe('jurisdictionColor', () => {
  it('gives fixed colours to common jurisdictions and stable ones to others', () => {
    expect(jurisdictionColor('US')).toBe('#3b6fd8');
    expect(jurisdictionColor('XX')).toBe(jurisdictionColor('XX'));
    expect(jurisdictionColor('XX')).toMatch(/^hsl\(\d+ 55% 50%\)$/);
    expect(jurisdictionColor('US')).not.toBe(jurisdictionColor('CN'));
  });
});

describe('shortName', () => {
  it('drops a final parenthesis', () => {
    expect(shortName('TSMC (Taiwan Semiconductor Manufacturing Company)')).toBe('TSMC');
    expect(shortName('Arm (Arm Holdings)')).toBe('Arm');
  });

  it('keeps a name without a final parenthesis or made only of one', () => {
    expect(shortName('AWS Trainium2')).toBe('AWS Trainium2');
    expect(shortName('Chips Act (EU) 2')).toBe('Chips Act (EU) 2');
    expect(shortName('(EU)')).toBe('(EU)');
  });
});
