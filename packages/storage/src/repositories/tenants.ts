import { randomUUID } from "node:crypto";
import { asId, type LocalizedText, type Tenant, type TenantId } from "@pathwise/domain";
import { isUniqueViolation, type Queryable, StorageError } from "../database";
import { json, text, toDate } from "./rows";

interface TenantRow {
  id: string;
  slug: string;
  name: unknown;
  created_at: unknown;
}

const toTenant = (row: TenantRow): Tenant => ({
  id: asId<TenantId>(row.id),
  slug: row.slug,
  name: text(row.name),
  createdAt: toDate(row.created_at),
});

export function tenantRepository(db: Queryable) {
  return {
    async create(input: { slug: string; name: LocalizedText }): Promise<Tenant> {
      try {
        const { rows } = await db.query<TenantRow>(
          "INSERT INTO tenants (id, slug, name) VALUES ($1, $2, $3::jsonb) RETURNING *",
          [randomUUID(), input.slug, json(input.name)],
        );
        return toTenant(rows[0] as TenantRow);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new StorageError(`A school with slug '${input.slug}' already exists`, "unique_violation", {
            field: "slug",
          });
        }
        throw error;
      }
    },
    async get(id: TenantId): Promise<Tenant | undefined> {
      const { rows } = await db.query<TenantRow>("SELECT * FROM tenants WHERE id = $1", [id]);
      return rows[0] && toTenant(rows[0]);
    },
    async findBySlug(slug: string): Promise<Tenant | undefined> {
      const { rows } = await db.query<TenantRow>("SELECT * FROM tenants WHERE slug = $1", [slug]);
      return rows[0] && toTenant(rows[0]);
    },
    async list(): Promise<Tenant[]> {
      const { rows } = await db.query<TenantRow>("SELECT * FROM tenants ORDER BY created_at, slug");
      return rows.map(toTenant);
    },
  };
}
export type TenantRepository = ReturnType<typeof tenantRepository>;
