// Checks a language model tool's input against the JSON schema it declares in package.json (the subset
// the tools use: object, properties of type string/boolean with enum and maxLength, required,
// additionalProperties false), so a model's malformed call gets one precise sentence back.

export interface JsonSchema {
  readonly type?: string;
  readonly properties?: Record<string, JsonSchema>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
  readonly enum?: readonly unknown[];
  readonly maxLength?: number;
  readonly minLength?: number;
}

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** The first problem of `value` against `schema`, undefined when it conforms. */
export function schemaProblem(schema: JsonSchema, value: unknown, path = 'input'): string | undefined {
  if (schema.type && typeOf(value) !== schema.type) return `${path} must be ${schema.type === 'object' ? 'an object' : `a ${schema.type}`}, not ${typeOf(value)}.`;
  if (schema.enum && !schema.enum.includes(value)) return `${path} must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}.`;
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.trim().length < schema.minLength) return `${path} must not be empty.`;
    if (schema.maxLength !== undefined && value.length > schema.maxLength) return `${path} is longer than ${schema.maxLength} characters.`;
  }
  if (schema.type === 'object' && value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const r of schema.required ?? []) if (o[r] === undefined) return `${path}.${r} is required.`;
    for (const [k, v] of Object.entries(o)) {
      const sub = schema.properties?.[k];
      if (!sub) {
        if (schema.additionalProperties === false) return `${path}.${k} is not a known property (known: ${Object.keys(schema.properties ?? {}).join(', ')}).`;
        continue;
      }
      const p = schemaProblem(sub, v, `${path}.${k}`);
      if (p) return p;
    }
  }
  return undefined;
}
