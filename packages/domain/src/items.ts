import { z } from "zod";
import { StableKeySchema } from "./ids";
import { LocalizedTextSchema } from "./text";

/**
 * Items are the things a learner answers. Each is linked to one or more concepts and carries difficulty
 * metadata: an author's level (1 easiest … 5 hardest) and, once estimated from data, IRT parameters
 * (b = difficulty, a = discrimination; Lord 1980, the 2PL model).
 */
export const ITEM_KINDS = ["multiple_choice", "numeric", "expression", "short_text", "open_text"] as const;
export const ItemKindSchema = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof ItemKindSchema>;

export const DifficultySchema = z.strictObject({
  level: z.number().int().min(1).max(5),
  irt: z
    .strictObject({ a: z.number().positive().max(10).default(1), b: z.number().min(-10).max(10) })
    .optional(),
});
export type Difficulty = z.infer<typeof DifficultySchema>;

const ChoiceSchema = z.strictObject({ id: z.string().min(1).max(40), text: LocalizedTextSchema });

/** The answer key of each kind. It is never shown to a learner before they answer. */
export const AnswerKeySchemas = {
  multiple_choice: z.strictObject({
    kind: z.literal("multiple_choice"),
    choices: z.array(ChoiceSchema).min(2).max(10),
    correct: z.array(z.string().min(1)).min(1),
  }),
  numeric: z.strictObject({
    kind: z.literal("numeric"),
    value: z.number().finite(),
    tolerance: z.number().min(0).default(0),
  }),
  expression: z.strictObject({
    kind: z.literal("expression"),
    expression: z.string().min(1).max(500),
    variables: z
      .array(z.string().regex(/^[a-zA-Z]$/))
      .max(6)
      .default([]),
  }),
  short_text: z.strictObject({
    kind: z.literal("short_text"),
    accepted: z.array(z.string().min(1).max(200)).min(1),
    caseSensitive: z.boolean().default(false),
  }),
  open_text: z.strictObject({ kind: z.literal("open_text"), rubric: LocalizedTextSchema.optional() }),
} as const;

export const AnswerKeySchema = z
  .discriminatedUnion("kind", [
    AnswerKeySchemas.multiple_choice,
    AnswerKeySchemas.numeric,
    AnswerKeySchemas.expression,
    AnswerKeySchemas.short_text,
    AnswerKeySchemas.open_text,
  ])
  .superRefine((key, ctx) => {
    if (key.kind === "multiple_choice") {
      const ids = key.choices.map((choice) => choice.id);
      for (const id of key.correct) {
        if (!ids.includes(id))
          ctx.addIssue({
            code: "custom",
            message: `correct choice '${id}' is not among the choices`,
            path: ["correct"],
          });
      }
      if (new Set(ids).size !== ids.length)
        ctx.addIssue({ code: "custom", message: "choice ids must be unique", path: ["choices"] });
    }
  });
export type AnswerKey = z.infer<typeof AnswerKeySchema>;

/** An item as authored: stable key, stem, concepts (≥1), difficulty and its answer key. */
export const ItemDefinitionSchema = z.strictObject({
  key: StableKeySchema,
  stem: LocalizedTextSchema,
  concepts: z.array(StableKeySchema).min(1, "an item is linked to at least one concept"),
  difficulty: DifficultySchema,
  answer: AnswerKeySchema,
});
export type ItemDefinition = z.infer<typeof ItemDefinitionSchema>;
