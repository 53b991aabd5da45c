/**
 * afterNextPaint: what is queued before a frame shares one frame callback and runs in one task
 * after it, in order; a failing callback keeps the others running; a page that paints no frame
 * (hidden) runs the batch after 100 ms; what is queued while a batch runs waits for the next frame.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint, nextPaint } from '../../src/ui/afterPaint';

let frames: Map<number, FrameRequestCallback>;
let nextHandle = 1;

beforeEach(() => {
  vi.useFakeTimers();
  frames = new Map();
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    const handle = nextHandle++;
    frames.set(handle, cb);
    return handle;
  });
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => frames.delete(handle));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

// Fake timers run a timeout queued from a timer 1 ms later: "the task after" is advance(1) here.

/** The browser draws a frame: every callback asked for runs once. */
function paintFrame(): void {
  const due = [...frames.values()];
  frames.clear();
  for (const cb of due) cb(0);
}

describe('afterNextPaint', () => {
  it('asks for one frame for all callers and runs them in order in the task after it', () => {
    const ran: string[] = [];
    afterNextPaint(() => ran.push('a'));
    afterNextPaint(() => ran.push('b'));
    afterNextPaint(() => ran.push('c'));
    expect(frames.size).toBe(1);
    vi.advanceTimersByTime(50);
    expect(ran).toEqual([]);
    paintFrame();
    // Not inside the frame callback: after the frame, in a task of its own.
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['a', 'b', 'c']);
    // The fallback was dropped: nothing runs twice.
    vi.advanceTimersByTime(200);
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('runs the batch after 100 ms when no frame comes (a hidden page), and only once', () => {
    const ran: number[] = [];
    afterNextPaint(() => ran.push(1));
    vi.advanceTimersByTime(99);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual([1]);
    expect(frames.size).toBe(0);
    paintFrame();
    vi.advanceTimersByTime(1);
    expect(ran).toEqual([1]);
  });

  it('keeps running the others when one throws, and reports the error', () => {
    const ran: string[] = [];
    afterNextPaint(() => ran.push('a'));
    afterNextPaint(() => {
      throw new Error('boom');
    });
    afterNextPaint(() => ran.push('c'));
    paintFrame();
    // The error is thrown in a task of its own, after the batch.
    expect(() => vi.advanceTimersByTime(5)).toThrow('boom');
    expect(ran).toEqual(['a', 'c']);
  });

  it('puts what is queued while a batch runs into the next frame', () => {
    const ran: string[] = [];
    afterNextPaint(() => {
      ran.push('first');
      afterNextPaint(() => ran.push('second'));
    });
    paintFrame();
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['first']);
    expect(frames.size).toBe(1);
    paintFrame();
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['first', 'second']);
  });

  it('nextPaint settles after the frame', async () => {
    let settled = false;
    void nextPaint().then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    paintFrame();
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
  });
});
