/**
 * The deployment config of the database (deploy/database.json): collections, their indexes, and the security rules
 * the real environment gets. The emulator reads it at start and builds SQLite indexes from it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** CloudBase collection names: letters, digits, `_` and `-` (the emulator also uses them as SQLite table suffixes). */
export const COLLECTION_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

const indexKeySchema = z.object({
  field: z.string().regex(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/),
  direction: z.union([z.literal(1), z.literal(-1)]),
});

const indexSchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9_]{1,64}$/),
  keys: z.array(indexKeySchema).min(1),
  unique: z.boolean().default(false),
});

const collectionSchema = z.object({
  name: z.string().regex(COLLECTION_NAME),
  description: z.string().optional(),
  indexes: z.array(indexSchema).default([]),
});

const ruleSchema = z.object({ read: z.boolean(), write: z.boolean() });

export const databaseConfigSchema = z.object({
  rules: ruleSchema,
  collections: z.array(collectionSchema),
});

export type DatabaseConfig = z.infer<typeof databaseConfigSchema>;
export type CollectionConfig = z.infer<typeof collectionSchema>;
export type IndexConfig = z.infer<typeof indexSchema>;

/** deploy/database.json of this repository. */
export const DEFAULT_DATABASE_CONFIG = path.resolve(__dirname, '..', '..', 'deploy', 'database.json');

export function loadDatabaseConfig(file: string): DatabaseConfig {
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const parsed = databaseConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `数据库配置 ${file} 不合法：${parsed.error.issues.map((i) => i.path.join('.') + ' ' + i.message).join('；')}`,
    );
  }
  const names = new Set<string>();
  for (const c of parsed.data.collections) {
    if (names.has(c.name)) throw new Error(`数据库配置 ${file} 重复声明集合 ${c.name}`);
    names.add(c.name);
  }
  return parsed.data;
}
