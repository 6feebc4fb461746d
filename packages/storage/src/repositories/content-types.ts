import type {
  AnswerKey,
  ConceptDefinition,
  ConceptId,
  CourseId,
  CourseSummary,
  Difficulty,
  Goal,
  ItemDefinition,
  ItemId,
  ItemKind,
  LocalizedText,
  PrerequisiteEdge,
  StableKey,
  TenantId,
} from "@pathwise/domain";

/**
 * One course to import: concepts, prerequisites (by stable key), items (linked to concept keys) and
 * goals. Translations are the `zh-CN` entries of every LocalizedText. Imported in one transaction,
 * upserting by stable keys: re-importing updates rows, new keys add rows; prerequisites and
 * item↔concept links of the imported course are replaced by the file's. Rows missing from the file
 * are kept (events may refer to them).
 */
export interface CourseImport {
  readonly tenantId: TenantId;
  readonly course: CourseSummary;
  readonly concepts: readonly ConceptDefinition[];
  readonly prerequisites: readonly PrerequisiteEdge<StableKey>[];
  readonly items: readonly ItemDefinition[];
}

export interface ImportCounts {
  readonly created: number;
  readonly updated: number;
}

export interface CourseImportReport {
  readonly courseId: CourseId;
  readonly course: "created" | "updated";
  readonly concepts: ImportCounts;
  readonly items: ImportCounts;
  readonly prerequisites: number;
}

export interface StoredCourse {
  readonly id: CourseId;
  readonly tenantId: TenantId;
  readonly key: StableKey;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly goals: readonly Goal[];
}

export interface StoredConcept {
  readonly id: ConceptId;
  readonly key: StableKey;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
}

export interface StoredConceptGraph {
  /** Concepts in the course file's order. */
  readonly concepts: readonly StoredConcept[];
  readonly prerequisites: readonly PrerequisiteEdge<ConceptId>[];
}

export interface StoredItem {
  readonly id: ItemId;
  readonly courseId: CourseId;
  readonly key: StableKey;
  readonly kind: ItemKind;
  readonly stem: LocalizedText;
  readonly difficulty: Difficulty;
  /** The answer key: presenters must hide it from learners. */
  readonly answer: AnswerKey;
  readonly conceptIds: readonly ConceptId[];
}

export interface ItemPage {
  readonly limit: number;
  readonly offset: number;
  readonly conceptId?: ConceptId;
}

export interface ContentRepository {
  importCourse(input: CourseImport): Promise<CourseImportReport>;
  listCourses(tenantId: TenantId): Promise<StoredCourse[]>;
  getCourse(tenantId: TenantId, courseId: CourseId): Promise<StoredCourse | undefined>;
  findCourseByKey(tenantId: TenantId, key: StableKey): Promise<StoredCourse | undefined>;
  getConceptGraph(tenantId: TenantId, courseId: CourseId): Promise<StoredConceptGraph | undefined>;
  listItems(tenantId: TenantId, courseId: CourseId, page: ItemPage): Promise<StoredItem[]>;
  getItem(tenantId: TenantId, itemId: ItemId): Promise<StoredItem | undefined>;
  /** Item ids of a course by stable key (dataset importers map problem ids to items this way). */
  itemIdsByKey(tenantId: TenantId, courseId: CourseId): Promise<Map<StableKey, ItemId>>;
}

/** Everything wrong with a course import, reported at once; nothing is written. */
export class ContentImportError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `Course import rejected (${problems.length} problem${problems.length === 1 ? "" : "s"}): ${problems.join("; ")}`,
    );
    this.name = "ContentImportError";
  }
}
