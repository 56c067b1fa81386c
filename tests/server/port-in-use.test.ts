import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isPortInUse } from '../../server/port-in-use.ts';

describe('isPortInUse', () => {
  it('says a port is taken while another server listens on it, and free after it closes', async () => {
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const address = other.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    expect(await isPortInUse(address.port, '127.0.0.1')).toBe(true);
    await new Promise((resolve) => other.close(resolve));
    expect(await isPortInUse(address.port, '127.0.0.1')).toBe(false);
  });
});
