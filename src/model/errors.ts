/** Input the teacher can correct; `code` maps to an i18n key `<namespace>:errors.<code>`. */
export class ValidationError extends Error {
  constructor(
    readonly code: string,
    readonly detail?: Record<string, string | number>,
  ) {
    super(code);
    this.name = 'ValidationError';
  }
}
