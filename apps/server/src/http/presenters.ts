import type { ClassView, ItemView, UserView } from "@pathwise/contracts";
import type { SchoolClass, Tenant, User } from "@pathwise/domain";
import type { StoredConcept, StoredCourse, StoredEvent, StoredItem } from "@pathwise/storage";

/** Presenters: the only way domain values leave the server — never raw rows, never secrets. */
export const presentUser = (user: User): UserView => ({
  id: user.id,
  tenantId: user.tenantId,
  email: user.email,
  displayName: user.displayName,
  role: user.role,
  locale: user.locale,
});

export const presentTenant = (tenant: Tenant) => ({ id: tenant.id, slug: tenant.slug, name: tenant.name });

export function presentClass(
  schoolClass: SchoolClass,
  options: { showJoinCode: boolean; myRole?: "learner" | "teacher" },
): ClassView {
  return {
    id: schoolClass.id,
    tenantId: schoolClass.tenantId,
    name: schoolClass.name,
    ...(options.showJoinCode ? { joinCode: schoolClass.joinCode } : {}),
    ...(options.myRole ? { myRole: options.myRole } : {}),
  };
}

export const presentCourse = (course: StoredCourse) => ({
  id: course.id,
  key: course.key,
  title: course.title,
  ...(course.description ? { description: course.description } : {}),
  goals: [...course.goals],
});

export const presentConcept = (concept: StoredConcept) => ({
  id: concept.id,
  key: concept.key,
  title: concept.title,
  ...(concept.description ? { description: concept.description } : {}),
});

/** Learners and guardians get the item without its answer key; staff get the key too. */
export function presentItem(item: StoredItem, options: { withAnswer: boolean }): ItemView {
  const choices = item.answer.kind === "multiple_choice" ? item.answer.choices : undefined;
  return {
    id: item.id,
    courseId: item.courseId,
    key: item.key,
    kind: item.kind,
    stem: item.stem,
    difficulty: item.difficulty,
    conceptIds: [...item.conceptIds],
    ...(choices ? { choices } : {}),
    ...(options.withAnswer ? { answer: item.answer } : {}),
  };
}

export const presentEvent = (event: StoredEvent) => ({
  statement: event.statement,
  storedAt: event.storedAt.toISOString(),
});
