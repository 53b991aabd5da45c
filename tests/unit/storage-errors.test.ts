import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { classifyStorageError, isConnectionLost, type StorageErrorKind } from '../../src/db/errors';
import { ValidationError } from '../../src/model/errors';
import {
  clearStorageProblem,
  currentStorageProblem,
  reportStorageProblem,
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
