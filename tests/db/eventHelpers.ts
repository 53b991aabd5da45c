/** Helpers for tests that look at stored events directly (events live in lesson records). */
import { readAllEvents } from '../../src/db/eventStore';
import type { SpiegelDB } from '../../src/db/schema';
import type { InteractionEvent } from '../../src/model/types';

export async function storedEvent(
  db: SpiegelDB,
  id: string,
): Promise<InteractionEvent | undefined> {
  return (await readAllEvents(db)).find((e) => e.id === id);
}

export async function countStoredEvents(db: SpiegelDB): Promise<number> {
  return (await readAllEvents(db)).length;
}
