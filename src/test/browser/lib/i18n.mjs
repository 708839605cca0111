// The site's words, read from where the application keeps them, so that a journey finds a control by what a
// person in the site's language reads on it: the English text of each key is the @Message("…") of its
// @MessageBundle interface (src/main/java), a translation is messages/<bundle>_<language>.properties (a key
// missing there shows in English, as in the application). Messages are Qute templates: {name} parameters,
// {#if count == 1}…{#else if …}…{#else}…{/if} and {#when x}{#is 'V'}…{#else}…{/when} are rendered here.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const javaDir = join(root, 'src', 'main', 'java');
const messagesDir = join(root, 'src', 'main', 'resources', 'messages');

/** bundle name → { key → English template } from every @MessageBundle interface. */
function englishBundles() {
  const bundles = {};
  for (const file of javaFiles(javaDir)) {
    const source = readFileSync(file, 'utf8');
    const bundle = /@MessageBundle\((?:value\s*=\s*)?"(\w+)"/.exec(source);
    if (!bundle) {
      continue;
    }
    const keys = (bundles[bundle[1]] ??= {});
    for (const m of source.matchAll(/@Message\(\s*"((?:[^"\\]|\\.)*)"\s*\)\s*String\s+(\w+)\s*\(/g)) {
      keys[m[2]] = javaString(m[1]);
    }
  }
  return bundles;
}

function javaFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? javaFiles(path) : entry.name.endsWith('.java') ? [path] : [];
  });
}

function javaString(text) {
  return text.replace(/\\(u+[0-9a-fA-F]{4}|.)/g, (_, c) => unescapeOne(c));
}

function unescapeOne(c) {
  if (c[0] === 'u') {
    return String.fromCharCode(parseInt(c.replace(/^u+/, ''), 16));
  }
  return { n: '\n', t: '\t', r: '\r', f: '\f' }[c] ?? c;
}

/**
 * A .properties file as Java reads it (comments, line continuations, \uXXXX and other backslash escapes): what its
 * writer means. Qute's own reader of translation files knows only "\n" and a line-ending "\"; where a file relies
 * on another escape the page shows the backslash, and a journey looking for the meant words does not find them.
 */
export function parseProperties(text) {
  const entries = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/^\s+/, '');
    if (line === '' || line[0] === '#' || line[0] === '!') {
      continue;
    }
    // an odd number of trailing backslashes continues the line on the next one
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) {
      line = line.slice(0, -1) + lines[++i].replace(/^\s+/, '');
    }
    const sep = /^((?:[^\\:=\s]|\\.)*)\s*[:=\s]\s*/.exec(line);
    const rawKey = sep ? sep[1] : line;
    const rawValue = sep ? line.slice(sep[0].length) : '';
    const unescape = (s) => s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, c) => unescapeOne(c));
    entries[unescape(rawKey)] = unescape(rawValue);
  }
  return entries;
}

function translation(bundle, language) {
  try {
    return parseProperties(readFileSync(join(messagesDir, `${bundle}_${language}.properties`), 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') {
      return {};
    }
    throw error;
  }
}

/** Renders a message template with its parameters, as Qute does for the forms messages use. */
export function render(template, params = {}) {
  const tokens = template.split(/(\{[^{}]*\})/).filter((t) => t !== '');
  let at = 0;
  const parse = (closers) => {
    const nodes = [];
    while (at < tokens.length) {
      const token = tokens[at];
      if (closers.some((c) => token.startsWith(c))) {
        return nodes;
      }
      at++;
      if (token.startsWith('{#if ')) {
        const branches = [{ test: token.slice(5, -1), body: parse(['{#else', '{/if}']) }];
        let otherwise = [];
        while (tokens[at]?.startsWith('{#else')) {
          const head = tokens[at++];
          const body = parse(['{#else', '{/if}']);
          if (head.startsWith('{#else if ')) {
            branches.push({ test: head.slice(10, -1), body });
          } else {
            otherwise = body;
          }
        }
        at++; // {/if}
        nodes.push({ branches, otherwise });
      } else if (token.startsWith('{#when ')) {
        const subject = token.slice(7, -1).trim();
        parse(['{#is ', '{#else}', '{/when}']);
        const branches = [];
        let otherwise = [];
        while (tokens[at] !== '{/when}') {
          const head = tokens[at++];
          const body = parse(['{#is ', '{#else}', '{/when}']);
          if (head === '{#else}') {
            otherwise = body;
          } else {
            branches.push({ test: `${subject} == ${head.slice(5, -1).trim()}`, body });
          }
        }
        at++; // {/when}
        nodes.push({ branches, otherwise });
      } else if (/^\{[\w.]+\}$/.test(token)) {
        nodes.push({ param: token.slice(1, -1) });
      } else {
        nodes.push({ text: token });
      }
    }
    return nodes;
  };
  const value = (operand) => {
    const quoted = /^'(.*)'$/.exec(operand);
    if (quoted) {
      return quoted[1];
    }
    if (/^-?\d+$/.test(operand)) {
      return Number(operand);
    }
    if (!(operand in params)) {
      throw new Error(`message "${template}" needs the parameter "${operand}"`);
    }
    return params[operand];
  };
  const holds = (test) => {
    const m = /^\s*(\S+)\s*(==|!=|eq|ne|is)\s*(\S+)\s*$/.exec(test);
    if (!m) {
      throw new Error(`unsupported condition "${test}" in message "${template}"`);
    }
    // compared as text: the count 1 and the literal 1 of "count == 1" are alike
    const same = String(value(m[1])) === String(value(m[3]));
    return m[2] === '!=' || m[2] === 'ne' ? !same : same;
  };
  const out = (nodes) => nodes.map((n) => {
    if ('text' in n) {
      return n.text;
    }
    if ('param' in n) {
      return String(value(n.param));
    }
    const branch = n.branches.find((b) => holds(b.test));
    return out(branch ? branch.body : n.otherwise);
  }).join('');
  return out(parse([]));
}

const english = englishBundles();

/**
 * The words of one language: t('bundle:key', params) is the message as the site shows it, with English where the
 * translation lacks the key; t.re('bundle:key', params) matches a label that starts with it (one that goes on with
 * a hint); t.prefix('bundle:key') matches a label by its words before the first parameter ("Password (at least ",
 * for a number the journey does not know).
 */
export function words(language) {
  const translated = {};
  const template = (ref) => {
    const [bundle, key] = ref.split(':');
    if (!(bundle in english) || !(key in english[bundle])) {
      throw new Error(`no message ${ref} in the application's @MessageBundle interfaces`);
    }
    translated[bundle] ??= language === 'en' ? {} : translation(bundle, language);
    return translated[bundle][key] ?? english[bundle][key];
  };
  const t = (ref, params) => render(template(ref), params);
  t.language = language;
  t.re = (ref, params) => new RegExp(`^${escapeRegExp(t(ref, params))}`);
  t.prefix = (ref) => new RegExp(`^${escapeRegExp(template(ref).split('{')[0])}`);
  return t;
}

export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
