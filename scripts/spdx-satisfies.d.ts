// Types for spdx-satisfies (it ships none): whether an SPDX expression is satisfied by a list of allowed licences.
declare module 'spdx-satisfies' {
  /** Throws when `expression` is not a valid SPDX expression. */
  export default function satisfies(expression: string, allowed: string[]): boolean;
}
