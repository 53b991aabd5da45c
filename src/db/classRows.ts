/**
 * The one class-scoped read: every row of a table that belongs to one class, through the table's
 * `classId` index. Filtering (deleted, removed) and sorting stay with the caller, which knows
 * what its screen needs.
 */
import type { Table } from 'dexie';
import type { Id } from '../model/types';

export function classRows<T, K, I>(table: Table<T, K, I>, classId: Id): Promise<T[]> {
  return table.where('classId').equals(classId).toArray();
}
