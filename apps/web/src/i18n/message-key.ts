import type { Messages } from "./messages/en";

type Join<K extends string, P extends string> = P extends "" ? K : `${K}.${P}`;
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : Join<K, Paths<T[K]>>;
}[keyof T & string];
type StripPlural<K extends string> = K extends `${infer B}_${"one" | "other"}` ? B : K;

/** Every message key, as `t()` accepts it (plural variants folded into their base key). */
export type MessageKey = StripPlural<Paths<Messages>>;

/**
 * Marks a message key chosen at run time (e.g. the label of a role) so that the compiler checks it
 * and the translation test can find it in the source.
 */
export function messageKey<K extends MessageKey>(key: K): K {
  return key;
}
