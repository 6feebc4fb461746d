import {
  type CourseImportRequest,
  type CourseImportResponse,
  CourseImportResponseSchema,
  type DatasetImportRequest,
  DatasetImportResponseSchema,
  DatasetListResponseSchema,
} from "@pathwise/contracts";
import type { z } from "zod";
import { apiRequest } from "./http";

export type DatasetView = z.infer<typeof DatasetListResponseSchema>["datasets"][number];

/** Sends a course file's text; `check` validates only. A file with problems throws a 422 `ApiError`. */
export function sendCourseFile(input: CourseImportRequest, check: boolean): Promise<CourseImportResponse> {
  return apiRequest(`/api/courses/import${check ? "?check=true" : ""}`, {
    method: "POST",
    body: input,
    response: CourseImportResponseSchema,
  });
}

export async function listDatasets(signal?: AbortSignal): Promise<DatasetView[]> {
  const body = await apiRequest("/api/datasets", {
    response: DatasetListResponseSchema,
    ...(signal ? { signal } : {}),
  });
  return body.datasets;
}

export function startDatasetImport(input: DatasetImportRequest) {
  return apiRequest("/api/datasets/import", {
    method: "POST",
    body: input,
    response: DatasetImportResponseSchema,
  });
}
