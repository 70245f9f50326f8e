import { describe, expect, it } from 'vitest';
import { configToForm } from './escrow/form-config';
import { config } from './testing/fixtures';
import { escrowFormSchema } from './schemas/steps';
import { chainTimeIso, formatChainTime, showControls } from './text';

describe('on-chain text', () => {
  it('shows control and bidi characters instead of obeying them', () => {
    expect(showControls('invoice\u202Egpj.exe')).toBe('invoice⟨U+202E⟩gpj.exe');
    expect(showControls('a\nb\u0000c\u200Bd')).toBe('a⟨U+000A⟩b⟨U+0000⟩c⟨U+200B⟩d');
    expect(showControls('Logo design — ok ✓')).toBe('Logo design — ok ✓');
  });
});

describe('chain times', () => {
  it('format ordinary dates and call the rest far future instead of throwing', () => {
    expect(formatChainTime(1_700_000_000n)).toBe('2023-11-14 22:13 UTC');
    expect(formatChainTime(253_402_300_799n)).toBe('9999-12-31 23:59 UTC');
    expect(formatChainTime(253_402_300_800n)).toBe('far future');
    expect(formatChainTime(2n ** 64n - 1n)).toBe('far future');
    expect(chainTimeIso(2n ** 64n - 1n)).toBeNull();
  });

  it('an escrow with a far-future deadline still opens in the edit form', () => {
    expect(configToForm(config({ deadline: 2n ** 64n - 1n }), 7).deadline).toBe('');
  });

  it('the create form refuses a deadline after the year 9999', () => {
    const input = { ...configToForm(config(), 7), deadline: '+010000-01-01T00:00' };
    const r = escrowFormSchema(7).safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues.find((i) => i.path[0] === 'deadline')?.message).toBe(
      'A deadline after the year 9999 is too far in the future',
    );
    expect(escrowFormSchema(7).safeParse({ ...input, deadline: '2030-01-01T00:00' }).success).toBe(true);
  });
});
