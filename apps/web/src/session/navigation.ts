import type { Role } from "@pathwise/domain";
import { type MessageKey, messageKey } from "../i18n/message-key";

export interface NavEntry {
  href: string;
  label: MessageKey;
}

const LEARNER: NavEntry[] = [
  { href: "/", label: messageKey("nav.dashboard") },
  { href: "/practice", label: messageKey("nav.practice") },
];
const GUARDIAN: NavEntry[] = [{ href: "/children", label: messageKey("nav.children") }];
const TEACHER: NavEntry[] = [
  { href: "/classes", label: messageKey("nav.classes") },
  { href: "/models", label: messageKey("models.nav") },
  { href: "/jobs", label: messageKey("jobs.nav") },
];
const ADMIN: NavEntry[] = [
  { href: "/admin", label: messageKey("nav.admin") },
  { href: "/classes", label: messageKey("nav.classes") },
  { href: "/imports", label: messageKey("imports.nav") },
  { href: "/models", label: messageKey("models.nav") },
  { href: "/jobs", label: messageKey("jobs.nav") },
];

/** Which pages each role sees in the navigation; the server still authorizes every request. */
const NAVIGATION: Record<Role, NavEntry[]> = {
  learner: LEARNER,
  teacher: TEACHER,
  admin: ADMIN,
  guardian: GUARDIAN,
};

export function navigationFor(role: Role): NavEntry[] {
  return NAVIGATION[role];
}

/** The page a user lands on after logging in. */
export function homeFor(role: Role): string {
  return navigationFor(role)[0]?.href ?? "/";
}

export const ROLE_LABELS: Record<Role, MessageKey> = {
  learner: messageKey("roles.learner"),
  teacher: messageKey("roles.teacher"),
  admin: messageKey("roles.admin"),
  guardian: messageKey("roles.guardian"),
};
