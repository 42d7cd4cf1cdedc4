import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { resolveAllowed } from '../../src/images/guarded-lookup.js';

const toPrivate = async (): Promise<LookupAddress[]> => [{ address: '10.0.0.7', family: 4 }];

describe('resolveAllowed', () => {
  it('refuses a name that resolves to a private address', async () => {
    await expect(resolveAllowed('images.internal', toPrivate, { allowPrivateHosts: false })).rejects.toMatchObject({ reason: 'forbidden_address' });
  });

  it('lets an allowed host through however its entry is capitalised', async () => {
    const allowance = { allowPrivateHosts: false, allowedHosts: ['Images.Internal', '[FD00::7]'] };
    await expect(resolveAllowed('images.internal', toPrivate, allowance)).resolves.toEqual([{ address: '10.0.0.7', family: 4 }]);
    await expect(resolveAllowed('[fd00::7]', toPrivate, allowance)).resolves.toEqual([{ address: 'fd00::7', family: 6 }]);
  });
});
