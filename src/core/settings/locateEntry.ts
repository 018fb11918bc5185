// Finds where an entry of a list setting is written in a settings file (JSON with comments and trailing
// commas, as VS Code writes them), so a warning row can open the file with the cursor on that entry.

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The range of entry `index` (from 0) of the array under property `key`, searched at any depth (a
 * .code-workspace file nests settings under "settings"); with a negative index, the range of the value.
 * Undefined when the text does not hold it.
 */
export function locateEntry(text: string, key: string, index: number): TextRange | undefined {
  let pos = 0;
  let found: TextRange | undefined;

  const skipSpace = () => {
    for (;;) {
      while (pos < text.length && /\s/.test(text[pos]!)) pos++;
      if (text.startsWith('//', pos)) { const nl = text.indexOf('\n', pos); pos = nl < 0 ? text.length : nl + 1; continue; }
      if (text.startsWith('/*', pos)) { const close = text.indexOf('*/', pos + 2); pos = close < 0 ? text.length : close + 2; continue; }
      return;
    }
  };
  const readString = (): string => {
    let out = '';
    pos++; // opening quote
    while (pos < text.length && text[pos] !== '"') {
      if (text[pos] === '\\') { out += text[pos + 1] === '"' ? '"' : text[pos + 1] === '\\' ? '\\' : `\\${text[pos + 1] ?? ''}`; pos += 2; continue; }
      out += text[pos++];
    }
    pos++; // closing quote
    return out;
  };
  /** Reads one value from `pos`; `want` asks for the range of that value's entries (it is the setting). */
  const value = (want: boolean): void => {
    skipSpace();
    const c = text[pos];
    if (c === '{') {
      pos++;
      for (;;) {
        skipSpace();
        if (pos >= text.length) return;
        if (text[pos] === '}') { pos++; return; }
        if (text[pos] === ',') { pos++; continue; }
        if (text[pos] !== '"') { pos++; continue; } // not JSON: move on rather than loop
        const name = readString();
        skipSpace();
        if (text[pos] === ':') pos++;
        skipSpace();
        const start = pos;
        value(name === key && !found);
        if (name === key && !found && index < 0) found = { start, end: pos };
      }
    }
    if (c === '[') {
      pos++;
      let i = 0;
      for (;;) {
        skipSpace();
        if (pos >= text.length) return;
        if (text[pos] === ']') { pos++; return; }
        if (text[pos] === ',') { pos++; continue; }
        const start = pos;
        value(false);
        if (want && index >= 0 && i === index && !found) found = { start, end: pos };
        i++;
      }
    }
    if (c === '"') return void readString();
    // number, true, false, null
    while (pos < text.length && !/[\s,\]}/]/.test(text[pos]!)) pos++;
  };

  value(false);
  return found;
}
