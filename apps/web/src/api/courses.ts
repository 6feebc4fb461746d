import {
  CheckAnswerResponseSchema,
  ConceptGraphResponseSchema,
  CourseListResponseSchema,
  ItemListResponseSchema,
} from "@pathwise/contracts";
import type { z } from "zod";
import { apiRequest } from "./http";

export type ConceptGraph = z.infer<typeof ConceptGraphResponseSchema>;
export type CourseView = z.infer<typeof CourseListResponseSchema>["courses"][number];
export type ItemView = z.infer<typeof ItemListResponseSchema>["items"][number];
export type CheckResult = z.infer<typeof CheckAnswerResponseSchema>;

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export async function listCourses(signal?: AbortSignal): Promise<CourseView[]> {
  const body = await apiRequest("/api/courses", {
    response: CourseListResponseSchema,
    ...withSignal(signal),
  });
  return body.courses;
}

export function conceptGraph(courseId: string, signal?: AbortSignal): Promise<ConceptGraph> {
  return apiRequest(`/api/courses/${encodeURIComponent(courseId)}/graph`, {
    response: ConceptGraphResponseSchema,
    ...withSignal(signal),
  });
}

export async function listItems(courseId: string, limit: number, signal?: AbortSignal): Promise<ItemView[]> {
  const query = new URLSearchParams({ limit: String(limit) });
  const body = await apiRequest(`/api/courses/${encodeURIComponent(courseId)}/items?${query}`, {
    response: ItemListResponseSchema,
    ...withSignal(signal),
  });
  return body.items;
}

/** Asks the server to grade a response; the answer key never reaches a learner's browser. */
export function checkAnswer(itemId: string, response: string): Promise<CheckResult> {
  return apiRequest(`/api/items/${encodeURIComponent(itemId)}/check`, {
    method: "POST",
    body: { response },
    response: CheckAnswerResponseSchema,
  });
}
