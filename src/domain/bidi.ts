/**
 * Bidirectional control characters (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F) let a name
 * render reversed or move the text around it ("Trojan Source"). Names and labels never need
 * them: they are stripped on input. Pure.
 */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function stripBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
