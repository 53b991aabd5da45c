import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { classifyStorageError, isConnectionLost, type StorageErrorKind } from '../../src/db/errors';
import { ValidationError } from '../../src/model/errors';
import {
  clearStorageProblem,
  currentStorageProblem,
  reportStorageProblem,
  runAction,
  withStorageErrors,
} from '../../src/db/status';

const named = (name: string, message = '') => Object.assign(new Error(message), { name });
const quotaDom = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

const cases: [string, unknown, StorageErrorKind][] = [
  ['a plain QuotaExceededError DOMException', quotaDom(), 'quota'],
  [
    "Dexie's wrapped QuotaExceededError",
    new Dexie.QuotaExceededError(new DOMException('', 'QuotaExceededError')),
    'quota',
  ],
  [
    'a Dexie AbortError with the quota error as inner',
    new Dexie.AbortError('Transaction aborted', quotaDom()),
    'quota',
  ],
  [
    'an AbortError whose inner says quota only by name (no telling message)',
    { name: 'AbortError', message: 'aborted', inner: { name: 'QuotaExceededError', message: '' } },
    'quota',
  ],
  [
    'a quota error two levels deep (AbortError → DexieError → DOMException)',
    new Dexie.AbortError('Transaction aborted', new Dexie.QuotaExceededError(quotaDom())),
    'quota',
  ],
  [
    'a BulkError whose failed rows hit the quota',
    new Dexie.BulkError('3 of 10 operations failed', [
      named('ConstraintError', 'Key already exists'),
      new Dexie.QuotaExceededError(quotaDom()),
    ]),
    'quota',
  ],
  [
    'an error found through the standard cause',
    new Error('write failed', { cause: quotaDom() }),
    'quota',
  ],
  ['only the message mentions the quota', new Error('Storage quota reached for origin'), 'quota'],
  ["old Firefox's NS_ERROR_DOM_QUOTA_REACHED", named('NS_ERROR_DOM_QUOTA_REACHED'), 'quota'],
  ['a BlockedError', named('BlockedError', 'Upgrade blocked by another connection'), 'blocked'],
  ['a Dexie DatabaseClosedError', new Dexie.DatabaseClosedError(), 'closed'],
  [
    'an OpenFailedError caused by a DatabaseClosedError',
    new Dexie.OpenFailedError(new Dexie.DatabaseClosedError()),
    'closed',
  ],
  [
    'iOS: connection to the IndexedDB server lost',
    new Dexie.UnknownError(
      'Connection to Indexed Database server lost. Refresh the page to try again',
    ),
    'closed',
  ],
  [
    'a Dexie VersionChangeError',
    new Dexie.VersionChangeError('Database version changed'),
    'versionChanged',
  ],
  ['a VersionChangedError by name', named('VersionChangedError'), 'versionChanged'],
  ['a random Error', new Error('Something else went wrong'), 'unknown'],
  ['a ConstraintError (duplicate key)', named('ConstraintError', 'Key already exists'), 'unknown'],
  ['a thrown string', 'boom', 'unknown'],
  ['undefined', undefined, 'unknown'],
  ['null', null, 'unknown'],
];

describe('classifyStorageError', () => {
  it.each(cases)('%s → %s', (_label, error, kind) => {
    expect(classifyStorageError(error)).toBe(kind);
  });

  it('stops on a cycle of wrapped errors', () => {
    const a: { name: string; inner?: unknown } = { name: 'AbortError' };
    const b = { name: 'UnknownError', inner: a };
    a.inner = b;
    expect(classifyStorageError(a)).toBe('unknown');
  });

  it('does not take a ValidationError for a storage failure', () => {
    expect(classifyStorageError(new ValidationError('nameRequired'))).toBe('unknown');
  });
});

describe('isConnectionLost', () => {
  it.each([
    [new Dexie.UnknownError('Connection to Indexed Database server lost. Refresh the page'), true],
    [
      new Dexie.AbortError('aborted', named('UnknownError', 'Connection to IndexedDB server lost')),
      true,
    ],
    [new Dexie.DatabaseClosedError(), false],
    [quotaDom(), false],
  ])('%s → %s', (error, expected) => {
    expect(isConnectionLost(error)).toBe(expected);
  });
});

describe('withStorageErrors', () => {
  afterEach(() => clearStorageProblem());
  const lost = () =>
    new Dexie.UnknownError('Connection to Indexed Database server lost. Refresh the page');

  it('returns the result and reports nothing when the action succeeds', async () => {
    await expect(withStorageErrors(() => Promise.resolve(42))).resolves.toBe(42);
    expect(currentStorageProblem()).toBeNull();
  });

  it('retries once when the connection was lost, and then succeeds quietly', async () => {
    const action = vi.fn().mockRejectedValueOnce(lost()).mockResolvedValueOnce('saved');
    await expect(withStorageErrors(action)).resolves.toBe('saved');
    expect(action).toHaveBeenCalledTimes(2);
    expect(currentStorageProblem()).toBeNull();
  });

  it('reports a connection lost twice as closed, after exactly one retry', async () => {
    const action = vi.fn().mockRejectedValue(lost());
    await expect(withStorageErrors(action)).rejects.toThrow(/server lost/);
    expect(action).toHaveBeenCalledTimes(2);
    expect(currentStorageProblem()?.kind).toBe('closed');
  });

  it('reports a quota failure and rethrows it, without a retry', async () => {
    const action = vi.fn().mockRejectedValue(new Dexie.AbortError('aborted', quotaDom()));
    await expect(withStorageErrors(action)).rejects.toMatchObject({ name: 'AbortError' });
    expect(action).toHaveBeenCalledTimes(1);
    expect(currentStorageProblem()?.kind).toBe('quota');
  });

  it('lets a ValidationError through unreported (the form shows it)', async () => {
    const action = () => Promise.reject(new ValidationError('nameRequired'));
    await expect(withStorageErrors(action)).rejects.toBeInstanceOf(ValidationError);
    expect(currentStorageProblem()).toBeNull();
  });

  it('keeps the "newer version elsewhere" message when later calls fail as closed', async () => {
    reportStorageProblem('versionChanged');
    const action = () => Promise.reject(new Dexie.DatabaseClosedError());
    await expect(withStorageErrors(action)).rejects.toBeDefined();
    expect(currentStorageProblem()?.kind).toBe('versionChanged');
  });
});

describe('runAction', () => {
  afterEach(() => clearStorageProblem());
  const lost = () =>
    new Dexie.UnknownError('Connection to Indexed Database server lost. Refresh the page');

  it('returns what the write returned and calls nothing else', async () => {
    const onInvalid = vi.fn();
    await expect(runAction(() => Promise.resolve('saved'), onInvalid)).resolves.toBe('saved');
    expect(onInvalid).not.toHaveBeenCalled();
    expect(currentStorageProblem()).toBeNull();
  });

  it('hands a ValidationError to onInvalid and resolves to undefined, off the banner', async () => {
    const refusal = new ValidationError('nameTooLong', { max: 60 });
    const onInvalid = vi.fn();
    await expect(runAction(() => Promise.reject(refusal), onInvalid)).resolves.toBeUndefined();
    expect(onInvalid).toHaveBeenCalledExactlyOnceWith(refusal);
    expect(currentStorageProblem()).toBeNull();
  });

  it('retries a lost connection once and then returns the value', async () => {
    const write = vi.fn().mockRejectedValueOnce(lost()).mockResolvedValueOnce(7);
    const onInvalid = vi.fn();
    await expect(runAction(write, onInvalid)).resolves.toBe(7);
    expect(write).toHaveBeenCalledTimes(2);
    expect(onInvalid).not.toHaveBeenCalled();
    expect(currentStorageProblem()).toBeNull();
  });

  it('gives a refusal on the retry to onInvalid too', async () => {
    const write = vi
      .fn()
      .mockRejectedValueOnce(lost())
      .mockRejectedValueOnce(new ValidationError('classNotFound'));
    const onInvalid = vi.fn();
    await expect(runAction(write, onInvalid)).resolves.toBeUndefined();
    expect(onInvalid).toHaveBeenCalledOnce();
    expect(currentStorageProblem()).toBeNull();
  });

  it('reports another storage failure to the banner, swallows it and resolves to undefined', async () => {
    const write = vi.fn().mockRejectedValue(new Dexie.AbortError('aborted', quotaDom()));
    const onInvalid = vi.fn();
    await expect(runAction(write, onInvalid)).resolves.toBeUndefined();
    expect(write).toHaveBeenCalledTimes(1);
    expect(onInvalid).not.toHaveBeenCalled();
    expect(currentStorageProblem()?.kind).toBe('quota');
  });

  it('reports a connection lost twice as closed', async () => {
    const write = vi.fn().mockRejectedValue(lost());
    await expect(runAction(write, vi.fn())).resolves.toBeUndefined();
    expect(write).toHaveBeenCalledTimes(2);
    expect(currentStorageProblem()?.kind).toBe('closed');
  });
});
