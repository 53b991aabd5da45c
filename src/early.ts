/**
 * Runs inline in index.html, before the app's JavaScript has arrived (scripts/early-inline.ts
 * builds it): starts the start read, so IndexedDB opens while the app's files load and compile.
 * The app takes the promise at boot (src/db/startRead.ts).
 */
import { readStartRecords } from './db/startRecords';

window.spiegelStart = readStartRecords();
