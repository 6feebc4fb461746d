import {
  ModelDecisionListResponseSchema,
  ModelDecisionViewSchema,
  type ModelDetail,
  ModelDetailSchema,
  ModelListResponseSchema,
  ModelSettingsSchema,
  ModelSettingsViewSchema,
  type ModelSummary,
  TrainingJobResponseSchema,
} from "@pathwise/contracts";
import type { z } from "zod";
import { apiRequest } from "./http";

export type { ModelDetail, ModelSummary };
export type ModelDecision = z.infer<typeof ModelDecisionViewSchema>;
export type ModelSettings = z.infer<typeof ModelSettingsSchema>;
export type ModelSettingsView = z.infer<typeof ModelSettingsViewSchema>;

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const course = (courseId: string) => `/api/courses/${encodeURIComponent(courseId)}`;

export async function listModels(courseId: string, signal?: AbortSignal): Promise<ModelSummary[]> {
  const body = await apiRequest(`${course(courseId)}/models`, {
    response: ModelListResponseSchema,
    ...withSignal(signal),
  });
  return body.models;
}

export function getModel(modelId: string, signal?: AbortSignal): Promise<ModelDetail> {
  return apiRequest(`/api/models/${encodeURIComponent(modelId)}`, {
    response: ModelDetailSchema,
    ...withSignal(signal),
  });
}

export async function listDecisions(courseId: string, signal?: AbortSignal): Promise<ModelDecision[]> {
  const body = await apiRequest(`${course(courseId)}/model-decisions`, {
    response: ModelDecisionListResponseSchema,
    ...withSignal(signal),
  });
  return body.decisions;
}

/** Starts a training job with the course's configured candidates (or finds the one already running). */
export function startTraining(courseId: string) {
  return apiRequest(`${course(courseId)}/training-jobs`, {
    method: "POST",
    body: {},
    response: TrainingJobResponseSchema,
  });
}

export function promoteModel(modelId: string, reason: string): Promise<ModelDecision> {
  return apiRequest(`/api/models/${encodeURIComponent(modelId)}/promote`, {
    method: "POST",
    body: { reason },
    response: ModelDecisionViewSchema,
  });
}

export function rollbackChampion(courseId: string, reason: string): Promise<ModelDecision> {
  return apiRequest(`${course(courseId)}/models/rollback`, {
    method: "POST",
    body: { reason },
    response: ModelDecisionViewSchema,
  });
}

/** The course's candidates and retraining rules (admins), with when it was last trained. */
export function getModelSettings(courseId: string, signal?: AbortSignal): Promise<ModelSettingsView> {
  return apiRequest(`${course(courseId)}/model-settings`, {
    response: ModelSettingsViewSchema,
    ...withSignal(signal),
  });
}

export function putModelSettings(courseId: string, settings: ModelSettings): Promise<ModelSettingsView> {
  return apiRequest(`${course(courseId)}/model-settings`, {
    method: "PUT",
    body: ModelSettingsSchema.parse(settings),
    response: ModelSettingsViewSchema,
  });
}
