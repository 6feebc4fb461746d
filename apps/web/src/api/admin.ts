import {
  AccountStateResponseSchema,
  ClassDetailResponseSchema,
  ClassListResponseSchema,
  ClassViewSchema,
  type CreateClassRequestSchema,
  type CreateUserRequestSchema,
  type EnrolRequestSchema,
  UserListResponseSchema,
  UserViewSchema,
} from "@pathwise/contracts";
import type { z } from "zod";
import { apiRequest } from "./http";

export type ClassDetail = z.infer<typeof ClassDetailResponseSchema>;
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export async function listClasses(signal?: AbortSignal) {
  const body = await apiRequest("/api/classes", { response: ClassListResponseSchema, ...withSignal(signal) });
  return body.classes;
}

export function classDetail(classId: string, signal?: AbortSignal): Promise<ClassDetail> {
  return apiRequest(`/api/classes/${encodeURIComponent(classId)}`, {
    response: ClassDetailResponseSchema,
    ...withSignal(signal),
  });
}

export async function listUsers(signal?: AbortSignal) {
  const query = new URLSearchParams({ limit: "500" });
  const body = await apiRequest(`/api/users?${query}`, {
    response: UserListResponseSchema,
    ...withSignal(signal),
  });
  return body.users;
}

export function createUser(input: z.input<typeof CreateUserRequestSchema>) {
  return apiRequest("/api/users", { method: "POST", body: input, response: UserViewSchema });
}

/** Disable, enable or delete an account of the school (TRUST #12); answers its new state. */
export type AccountAction = "disable" | "enable" | "delete";

export function changeAccountState(userId: string, action: AccountAction) {
  const path = `/api/users/${encodeURIComponent(userId)}`;
  return apiRequest(action === "delete" ? path : `${path}/${action}`, {
    method: action === "delete" ? "DELETE" : "POST",
    response: AccountStateResponseSchema,
  });
}

export function createClass(input: z.input<typeof CreateClassRequestSchema>) {
  return apiRequest("/api/classes", { method: "POST", body: input, response: ClassViewSchema });
}

export function enrol(classId: string, input: z.input<typeof EnrolRequestSchema>) {
  return apiRequest(`/api/classes/${encodeURIComponent(classId)}/enrolments`, {
    method: "POST",
    body: input,
  });
}
