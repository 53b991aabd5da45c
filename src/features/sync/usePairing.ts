/**
 * The short pairing code on screen: the paired device shows a code and confirms the digits
 * (useShortCodeHost); a new device types the code and receives the pairing (useShortCodeJoin).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  hostShortCode,
  joinShortCode,
  type HostControl,
  type PairEndReason,
} from '../../db/sync/pairSession';
import { pairDevice } from '../../db/sync/service';
import { reportStorageError } from '../../db/status';
import { decodePairing, encodePairing, type Pairing } from '../../sync/pairing';
import type { ShortCode } from '../../sync/shortCode';
import { defaultDeviceName } from './deviceName';

/** The server last typed for a short code, to fill in next time (cleared by "delete all"). */
const LAST_SERVER = 'spiegel.sync.lastServer';

export function lastServer(): string {
  try {
    return localStorage.getItem(LAST_SERVER) ?? '';
  } catch {
    return '';
  }
}

function rememberServer(url: string): void {
  try {
    localStorage.setItem(LAST_SERVER, url);
  } catch {
    // No localStorage (private mode): the field simply starts empty next time.
  }
}

export type HostState =
  | { step: 'idle' }
  | { step: 'opening' }
  | {
      step: 'code';
      code: string;
      expiresAt: number;
      /** The last try that failed, and how many tries are left. */
      failed: { why: string; left: number } | null;
    }
  | { step: 'confirm'; code: string; expiresAt: number; digits: string }
  | { step: 'done' }
  | { step: 'ended'; reason: PairEndReason };

/** Seconds left until `expiresAt`, ticking each second while there is one. */
export function useCountdown(expiresAt: number | null): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (expiresAt === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [expiresAt]);
  return expiresAt === null ? 0 : Math.max(0, Math.ceil((expiresAt - now) / 1000));
}

export function useShortCodeHost(pairing: Pairing) {
  const [state, setState] = useState<HostState>({ step: 'idle' });
  const control = useRef<HostControl | null>(null);
  useEffect(() => () => control.current?.cancel(), []);

  const start = () => {
    control.current?.cancel();
    setState({ step: 'opening' });
    let code = '';
    let expiresAt = 0;
    control.current = hostShortCode(pairing.url, pairing.token, encodePairing(pairing), (e) => {
      if (e.kind === 'code') {
        code = e.code;
        expiresAt = Date.now() + e.expiresInMs;
        setState({ step: 'code', code, expiresAt, failed: null });
      } else if (e.kind === 'confirm') {
        setState({ step: 'confirm', code, expiresAt, digits: e.digits });
      } else if (e.kind === 'tryFailed') {
        const failed = { why: e.why, left: e.maxFails - e.fails };
        setState({ step: 'code', code, expiresAt, failed });
      } else if (e.kind === 'done') {
        setState({ step: 'done' });
      } else if (e.kind === 'ended' && e.reason !== 'cancelled') {
        setState({ step: 'ended', reason: e.reason });
      }
    });
  };
  const stop = () => {
    control.current?.cancel();
    control.current = null;
    setState({ step: 'idle' });
  };
  const confirm = (same: boolean) => control.current?.confirm(same);
  return { state, start, stop, confirm };
}

export type JoinState =
  | { step: 'idle' }
  | { step: 'connecting' }
  | { step: 'digits'; digits: string }
  | { step: 'pairing' }
  | { step: 'ended'; reason: PairEndReason | 'invalidPayload' };

export function useShortCodeJoin() {
  const [state, setState] = useState<JoinState>({ step: 'idle' });
  const cancelRef = useRef<(() => void) | null>(null);
  useEffect(() => () => cancelRef.current?.(), []);

  const join = (url: string, code: ShortCode) => {
    cancelRef.current?.();
    rememberServer(url);
    setState({ step: 'connecting' });
    cancelRef.current = joinShortCode(url, code, (e) => {
      if (e.kind === 'digits') setState({ step: 'digits', digits: e.digits });
      else if (e.kind === 'ended' && e.reason !== 'cancelled')
        setState({ step: 'ended', reason: e.reason });
      else if (e.kind === 'paired') {
        let pairing: Pairing;
        try {
          pairing = decodePairing(e.text);
        } catch {
          return setState({ step: 'ended', reason: 'invalidPayload' });
        }
        setState({ step: 'pairing' });
        pairDevice(pairing, defaultDeviceName(navigator.userAgent)).catch(reportStorageError);
      }
    }).cancel;
  };
  const cancel = () => {
    cancelRef.current?.();
    cancelRef.current = null;
    setState({ step: 'idle' });
  };
  return { state, join, cancel };
}
