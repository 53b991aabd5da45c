import { describe, expect, it } from 'vitest';
import {
  HostExchange,
  JoinerExchange,
  PairExchangeError,
  readMessage,
  type PairMessage,
} from '../../../src/sync/pairExchange';
import {
  CROCKFORD,
  formatShortCode,
  newShortSecret,
  parseShortCode,
  ShortCodeError,
} from '../../../src/sync/shortCode';

describe('short code format', () => {
  it('shows slot and secret as XXXX-XXXX and reads it back', () => {
    const code = formatShortCode({ slot: 'AB12', secret: 'Z9XY' });
    expect(code).toBe('AB12-Z9XY');
    expect(parseShortCode(code)).toEqual({ slot: 'AB12', secret: 'Z9XY' });
  });

  it.each([
    ['ab12z9xy', 'AB12', 'Z9XY'],
    [' ab12 - z9xy ', 'AB12', 'Z9XY'],
    ['AB-12-Z9-XY', 'AB12', 'Z9XY'],
    ['oIlO-0000', '0110', '0000'],
  ])('forgives case, spaces, dashes and look-alikes: %j', (typed, slot, secret) => {
    expect(parseShortCode(typed)).toEqual({ slot, secret });
  });

  it.each(['', 'AB12-Z9X', 'AB12-Z9XYQ', 'AB12-Z9XU', 'AB12-Z9X!', 'ÄB12-Z9XY'])(
    'refuses %j with ShortCodeError',
    (typed) => {
      expect(() => parseShortCode(typed)).toThrow(ShortCodeError);
    },
  );

  it('makes secrets of 4 Crockford characters', () => {
    for (let i = 0; i < 50; i++) {
      const secret = newShortSecret();
      expect(secret).toHaveLength(4);
      for (const c of secret) expect(CROCKFORD).toContain(c);
    }
  });
});

/** Runs the exchange in memory; `tamper` may change a message on its way (the relay). */
async function run(
  hostSecret: string,
  joinerSecret: string,
  tamper: (m: PairMessage) => PairMessage = (m) => m,
) {
  const host = await HostExchange.start('SLOT', hostSecret);
  const joiner = await JoinerExchange.start('SLOT', joinerSecret);
  const hello = host.receiveCommit(tamper(await joiner.commit()));
  const { reveal, digits } = await joiner.receiveHello(tamper(hello));
  const hostDigits = await host.receiveReveal(tamper(reveal));
  return { host, joiner, digits, hostDigits };
}

describe('short code exchange', () => {
  it('gives both sides the same key: the same digits, and the payload opens', async () => {
    const { host, joiner, digits, hostDigits } = await run('K7QP', 'K7QP');
    expect(digits).toMatch(/^\d{4}$/);
    expect(hostDigits).toBe(digits);
    const text = 'the pairing code text';
    expect(await joiner.receivePayload(await host.payload(text))).toBe(text);
  });

  it('sends the payload sealed: the relay never sees it in clear', async () => {
    const { host } = await run('K7QP', 'K7QP');
    const message = await host.payload('wss://sync.school.nl secret-token');
    expect(JSON.stringify(message)).not.toContain('secret-token');
  });

  it('fails a wrong secret at the key confirmation', async () => {
    await expect(run('K7QP', 'K7QR')).rejects.toEqual(new PairExchangeError('wrongSecret'));
  });

  it('refuses a tampered payload', async () => {
    const { host, joiner } = await run('K7QP', 'K7QP');
    const message = (await host.payload('text')) as { k: 'payload'; x: string };
    const flipped = message.x.slice(0, -2) + (message.x.endsWith('A') ? 'BB' : 'AA');
    await expect(joiner.receivePayload({ k: 'payload', x: flipped })).rejects.toEqual(
      new PairExchangeError('tampered'),
    );
  });

  it('refuses a public key that does not match the commitment (a relay that adapts)', async () => {
    const other = await JoinerExchange.start('SLOT', 'K7QP');
    const otherHost = await HostExchange.start('SLOT', 'K7QP');
    const { reveal: swapped } = await other.receiveHello(
      otherHost.receiveCommit(await other.commit()),
    );
    await expect(
      run('K7QP', 'K7QP', (m) => (m.k === 'reveal' ? { ...swapped } : m)),
    ).rejects.toEqual(new PairExchangeError('commitment'));
  });

  it('refuses a message of the wrong kind or shape', async () => {
    expect(() => readMessage({ k: 'nonsense' })).toThrow(PairExchangeError);
    expect(() => readMessage(null)).toThrow(PairExchangeError);
    const host = await HostExchange.start('SLOT', 'K7QP');
    expect(() => host.receiveCommit({ k: 'hello', p: 'x' })).toThrow(PairExchangeError);
    const joiner = await JoinerExchange.start('SLOT', 'K7QP');
    await expect(joiner.receiveHello({ k: 'hello', p: 'not-a-key' })).rejects.toEqual(
      new PairExchangeError('tampered'),
    );
  });

  it('passes on the other side’s refusal', async () => {
    const joiner = await JoinerExchange.start('SLOT', 'K7QP');
    await expect(joiner.receiveHello({ k: 'fail', why: 'rejected' })).rejects.toEqual(
      new PairExchangeError('rejected'),
    );
  });
});
