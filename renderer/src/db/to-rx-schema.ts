import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';

type JsonSchemaNode = {
  type?: string;
  enum?: unknown[];
  maxLength?: number;
  multipleOf?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  [key: string]: unknown;
};

export type RxSchemaOptions<T> = {
  primaryKey: keyof T & string;
  version: number;
  indexes: readonly (readonly (keyof T & string)[])[];
  title: string;
  /** The collection stores binary attachments beside its documents. */
  attachments?: boolean;
  /** Top-level fields kept encrypted at rest on the device (never indexed, never required). */
  encrypted?: readonly (keyof T & string)[];
};

/**
 * Derives the RxDB JSON schema of a collection from its zod schema, so both stay one source of
 * truth. Adds what RxDB needs on indexed fields: a maxLength on strings (enums get the longest
 * value), multipleOf on integers, and checks indexed fields are required.
 */
export function toRxSchema<T>(schema: z.ZodObject, options: RxSchemaOptions<T>): RxJsonSchema<T> {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as JsonSchemaNode;
  const { $schema: _ignored, ...root } = json;
  const properties = root.properties ?? {};
  const required = new Set(root.required ?? []);

  for (const [name, node] of Object.entries(properties)) {
    if (node.type === 'string' && node.maxLength === undefined && Array.isArray(node.enum)) {
      node.maxLength = Math.max(...node.enum.map((value) => String(value).length));
    }
    if (node.type === 'integer' && node.multipleOf === undefined) {
      node.multipleOf = 1;
    }
    if (name === options.primaryKey && node.maxLength === undefined) {
      throw new Error(`${options.title}: primary key ${name} needs a maxLength`);
    }
  }

  for (const field of options.encrypted ?? []) {
    if (!properties[field])
      throw new Error(`${options.title}: encrypted field ${field} is not in the schema`);
    if (options.indexes.some((index) => index.includes(field))) {
      throw new Error(`${options.title}: encrypted field ${field} cannot be indexed`);
    }
  }

  for (const index of options.indexes) {
    for (const field of index) {
      const node = properties[field];
      if (!node) throw new Error(`${options.title}: indexed field ${field} is not in the schema`);
      if (!required.has(field)) {
        throw new Error(`${options.title}: indexed field ${field} must be required`);
      }
      if (node.type === 'string' && node.maxLength === undefined) {
        throw new Error(`${options.title}: indexed string ${field} needs a maxLength`);
      }
      if (
        (node.type === 'integer' || node.type === 'number') &&
        (node.minimum === undefined || node.maximum === undefined)
      ) {
        throw new Error(`${options.title}: indexed number ${field} needs a minimum and maximum`);
      }
    }
  }

  return {
    ...root,
    title: options.title,
    version: options.version,
    primaryKey: options.primaryKey,
    type: 'object',
    properties,
    required: [...required],
    indexes: options.indexes.map((index) => [...index]),
    ...(options.attachments ? { attachments: {} } : {}),
    ...(options.encrypted ? { encrypted: [...options.encrypted] } : {}),
  } as unknown as RxJsonSchema<T>;
}
