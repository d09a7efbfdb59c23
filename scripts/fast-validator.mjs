// The fast pass of validation, generated at build time beside each ajv standalone validator (no eval at run time).
//
// A fast check answers one question: is this document certainly valid? It returns true only when every rule of
// the schema holds, and false when a rule fails OR when it cannot tell cheaply (a date-time not in the canonical
// ISO form, an e-mail address, a URI, ...). On false the full ajv validator (allErrors) runs and decides, and
// gives the error list. So the fast check must never say true for a document ajv rejects; it may say false for
// one ajv accepts (that only costs time). The tests compare both on valid, broken and random documents.
//
// It covers the keywords our schemas use for data: type, enum, const (primitives), properties, required,
// additionalProperties, min/maxProperties, items, prefixItems-free arrays with min/maxItems, min/maxLength (in code
// points, as JSON Schema counts), pattern (with the u flag, as ajv compiles it), minimum/maximum, exclusive
// bounds, uniqueItems, propertyNames, allOf, anyOf, oneOf, not, if/then/else, format (date, date-time) and local or
// cross-schema $ref already resolved by the caller. A schema using anything else gets no fast check (the caller
// falls back to the full validator alone); annotations (title, description, x-onward-*, ...) are ignored.

const ANNOTATIONS = new Set([
  'title',
  'description',
  '$comment',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$schema',
  '$id',
  '$defs',
  'definitions',
  'x-onward-kind',
  'x-onward-icon',
  'x-onward-question-set',
  'x-onward-version',
]);

export class Unsupported extends Error {}

/**
 * Source of an ES module whose default export is `(data) => boolean`, for a schema whose $refs are already
 * resolved (the generator's deref). Identical subschemas share one function. Throws Unsupported.
 */
export function fastValidatorSource(schema) {
  const fns = new Map(); // JSON of a subschema → function name
  const bodies = [];
  const regexes = new Map();
  let usesCount = false;
  let usesDateTime = false;
  let usesDate = false;

  const re = (pattern) => {
    if (!regexes.has(pattern)) {
      // Checked here so that a pattern the u flag refuses fails the build, not the page.
      new RegExp(pattern, 'u');
      regexes.set(pattern, `r${regexes.size}`);
    }
    return regexes.get(pattern);
  };

  /** The name of a function checking `s`, generating it on first use. */
  function fn(s) {
    if (s === true) return 'yes';
    if (s === false) return 'no';
    const key = JSON.stringify(s);
    if (fns.has(key)) return fns.get(key);
    const name = `f${fns.size}`;
    fns.set(key, name);
    bodies.push(null);
    const at = bodies.length - 1;
    bodies[at] = `function ${name}(d){${check(s, 'd')}return true}`;
    return name;
  }

  /** Statements that `return false` unless value `v` satisfies `s`. */
  function check(s, v) {
    if (s === true) return '';
    if (s === false) return 'return false;';
    if (typeof s !== 'object' || s === null) throw new Unsupported(`schema ${JSON.stringify(s)}`);
    for (const k of Object.keys(s))
      if (
        !ANNOTATIONS.has(k) &&
        ![
          'type',
          'enum',
          'const',
          'properties',
          'required',
          'additionalProperties',
          'minProperties',
          'maxProperties',
          'items',
          'minItems',
          'maxItems',
          'minLength',
          'maxLength',
          'pattern',
          'format',
          'minimum',
          'maximum',
          'exclusiveMinimum',
          'exclusiveMaximum',
          'uniqueItems',
          'propertyNames',
          'allOf',
          'anyOf',
          'oneOf',
          'not',
          'if',
          'then',
          'else',
        ].includes(k)
      )
        throw new Unsupported(`keyword ${k}`);
    let out = '';
    const types = s.type === undefined ? undefined : Array.isArray(s.type) ? s.type : [s.type];
    if (types) {
      const tests = types.map((t) => {
        switch (t) {
          case 'object':
            return `(${v}!==null&&typeof ${v}==="object"&&!Array.isArray(${v}))`;
          case 'array':
            return `Array.isArray(${v})`;
          case 'string':
            return `typeof ${v}==="string"`;
          case 'boolean':
            return `typeof ${v}==="boolean"`;
          case 'null':
            return `${v}===null`;
          case 'number':
            return `(typeof ${v}==="number"&&isFinite(${v}))`;
          case 'integer':
            return `(typeof ${v}==="number"&&Number.isInteger(${v}))`;
          default:
            throw new Unsupported(`type ${t}`);
        }
      });
      out += `if(!(${tests.join('||')}))return false;`;
    }
    if (s.const !== undefined) {
      if (s.const !== null && typeof s.const === 'object') throw new Unsupported('const object');
      out += `if(${v}!==${JSON.stringify(s.const)})return false;`;
    }
    if (s.enum !== undefined) {
      if (s.enum.some((x) => x !== null && typeof x === 'object')) throw new Unsupported('enum of objects');
      out += `if(${s.enum.map((x) => `${v}!==${JSON.stringify(x)}`).join('&&')})return false;`;
    }
    // Rules for one type apply only to values of that type (JSON Schema semantics).
    const isObj = `(${v}!==null&&typeof ${v}==="object"&&!Array.isArray(${v}))`;
    // With one type already checked, its rules need no test around them.
    const only = types?.length === 1 ? types[0] : undefined;
    const obj = objectRules(s, v);
    if (obj) out += only === 'object' ? obj : `if(${isObj}){${obj}}`;
    const arr = arrayRules(s, v);
    if (arr) out += only === 'array' ? arr : `if(Array.isArray(${v})){${arr}}`;
    const str = stringRules(s, v);
    if (str) out += only === 'string' ? str : `if(typeof ${v}==="string"){${str}}`;
    const num = numberRules(s, v);
    if (num) out += `if(typeof ${v}==="number"){${num}}`;
    if (s.allOf) for (const sub of s.allOf) out += `if(!${fn(sub)}(${v}))return false;`;
    if (s.anyOf) out += `if(!(${s.anyOf.map((sub) => `${fn(sub)}(${v})`).join('||')}))return false;`;
    if (s.oneOf) {
      // Exactly one: a branch's "could not tell" would miscount, so every branch must be certain.
      for (const sub of s.oneOf) certain(sub);
      out += `if((${s.oneOf.map((sub) => `(${fn(sub)}(${v})?1:0)`).join('+')})!==1)return false;`;
    }
    // `not` and `if` need a definite "invalid" from the inner schema, which a fast check cannot give (its false
    // may mean "could not tell"). Only inner schemas without such doubt are allowed there.
    if (s.not !== undefined) {
      certain(s.not);
      out += `if(${fn(s.not)}(${v}))return false;`;
    }
    if (s.if !== undefined) {
      certain(s.if);
      const t = s.then === undefined ? 'true' : `${fn(s.then)}(${v})`;
      const e = s.else === undefined ? 'true' : `${fn(s.else)}(${v})`;
      out += `if(!(${fn(s.if)}(${v})?${t}:${e}))return false;`;
    }
    return out;
  }

  /** Throws unless a fast check of `s` is exact (true ⇔ valid): no formats, and the same below. */
  function certain(s) {
    const json = JSON.stringify(s);
    if (/"format"\s*:/.test(json)) throw new Unsupported('format under not/if');
  }

  function objectRules(s, v) {
    let out = '';
    const props = s.properties ?? {};
    const names = Object.keys(props);
    // Unrolled: a loop over a table of checks is half as fast (one call site for many functions).
    for (const r of s.required ?? []) out += `if(${v}[${JSON.stringify(r)}]===undefined)return false;`;
    for (const n of names) {
      if (props[n] === true) continue;
      const sv = `${v}[${JSON.stringify(n)}]`;
      out += `if(${sv}!==undefined&&!${fn(props[n])}(${sv}))return false;`;
    }
    if (s.additionalProperties !== undefined && s.additionalProperties !== true) {
      // A chain of comparisons: faster here than a Set's has().
      const known = names.map((n) => `k===${JSON.stringify(n)}`).join('||') || 'false';
      const extra =
        s.additionalProperties === false ? 'return false;' : `if(!${fn(s.additionalProperties)}(${v}[k]))return false;`;
      // for…in, as ajv's own code walks the keys.
      out += `for(const k in ${v}){if(!(${known})){${extra}}}`;
    }
    if (s.propertyNames !== undefined && s.propertyNames !== true)
      out += `for(const k in ${v})if(!${fn(s.propertyNames)}(k))return false;`;
    if (s.minProperties !== undefined || s.maxProperties !== undefined) {
      out += `{const n=Object.keys(${v}).length;`;
      if (s.minProperties !== undefined) out += `if(n<${s.minProperties})return false;`;
      if (s.maxProperties !== undefined) out += `if(n>${s.maxProperties})return false;`;
      out += '}';
    }
    return out;
  }

  function arrayRules(s, v) {
    let out = '';
    if (s.minItems !== undefined) out += `if(${v}.length<${s.minItems})return false;`;
    if (s.maxItems !== undefined) out += `if(${v}.length>${s.maxItems})return false;`;
    // Unique: told apart here only when every item is a string, number, boolean or null; else the full validator.
    if (s.uniqueItems === true)
      out += `for(let i=0;i<${v}.length;i++)if(${v}[i]!==null&&typeof ${v}[i]==="object")return false;if(new Set(${v}).size!==${v}.length)return false;`;
    if (s.items !== undefined) {
      if (Array.isArray(s.items)) throw new Unsupported('items as an array');
      if (s.items !== true) out += `for(let i=0;i<${v}.length;i++)if(!${fn(s.items)}(${v}[i]))return false;`;
    }
    return out;
  }

  function stringRules(s, v) {
    let out = '';
    // Code points, as JSON Schema counts length: a string of n UTF-16 units has between n/2 and n code points, so
    // the count is needed only when the unit length alone cannot decide.
    if (s.maxLength !== undefined) {
      usesCount = true;
      out += `if(${v}.length>${s.maxLength}&&(${v}.length>${2 * s.maxLength}||cp(${v})>${s.maxLength}))return false;`;
    }
    if (s.minLength !== undefined) {
      usesCount = true;
      out += `if(${v}.length<${2 * s.minLength}&&(${v}.length<${s.minLength}||cp(${v})<${s.minLength}))return false;`;
    }
    if (s.pattern !== undefined) out += `if(!t${re(s.pattern)}(${v}))return false;`;
    if (s.format !== undefined) {
      if (s.format === 'date-time') {
        usesDateTime = true;
        out += `if(!dt(${v}))return false;`;
      } else if (s.format === 'date') {
        usesDate = true;
        out += `if(!date(${v}))return false;`;
      } else out += 'return false;'; // e-mail, URI, ...: the full validator decides.
    }
    return out;
  }

  function numberRules(s, v) {
    let out = '';
    if (s.minimum !== undefined) out += `if(${v}<${s.minimum})return false;`;
    if (s.maximum !== undefined) out += `if(${v}>${s.maximum})return false;`;
    if (s.exclusiveMinimum !== undefined) out += `if(${v}<=${s.exclusiveMinimum})return false;`;
    if (s.exclusiveMaximum !== undefined) out += `if(${v}>=${s.exclusiveMaximum})return false;`;
    return out;
  }

  const top = fn(schema);
  const helpers = [];
  if (usesCount) helpers.push('function cp(s){let n=0;for(const _ of s)n++;return n}');
  if (usesDate || usesDateTime)
    helpers.push(
      // Canonical dates only (YYYY-MM-DD, real days, leap years), read digit by digit (no slices, no regex):
      // anything else is left to the full validator.
      'function d2(s,i){const a=s.charCodeAt(i)-48,b=s.charCodeAt(i+1)-48;return a>=0&&a<=9&&b>=0&&b<=9?a*10+b:-1}',
      'function ymd(s){const y1=d2(s,0),y2=d2(s,2);if(y1<0||y2<0||s.charCodeAt(4)!==45||s.charCodeAt(7)!==45)return false;const m=d2(s,5),d=d2(s,8);if(m<1||m>12||d<1)return false;const y=y1*100+y2;return d<=(m===2?(y%4===0&&(y%100!==0||y%400===0)?29:28):m===4||m===6||m===9||m===11?30:31)}',
      'function date(s){return s.length===10&&ymd(s)}',
    );
  if (usesDateTime)
    helpers.push(
      // YYYY-MM-DDTHH:MM:SS[.1-9 digits](Z|±HH:MM), hours, minutes and seconds in range (no leap second).
      'function dt(s){const n=s.length;if(n<20||!ymd(s)||s.charCodeAt(10)!==84||s.charCodeAt(13)!==58||s.charCodeAt(16)!==58)return false;const h=d2(s,11),mi=d2(s,14),se=d2(s,17);if(h<0||h>23||mi<0||mi>59||se<0||se>59)return false;let i=19;if(s.charCodeAt(i)===46){const st=++i;while(i<n){const c=s.charCodeAt(i);if(c<48||c>57)break;i++}if(i===st||i-st>9)return false}if(i===n-1)return s.charCodeAt(i)===90;if(i!==n-6)return false;const g=s.charCodeAt(i);if(g!==43&&g!==45||s.charCodeAt(i+3)!==58)return false;const th=d2(s,i+1),tm=d2(s,i+4);return th>=0&&th<=23&&tm>=0&&tm<=59}',
    );
  // Each pattern remembers the last string it matched: the same locale tag or id repeats across a document.
  const consts = [...regexes].map(
    ([p, n]) =>
      `const ${n}=new RegExp(${JSON.stringify(p)},"u");let ${n}l;function t${n}(s){if(s===${n}l)return true;if(${n}.test(s)){${n}l=s;return true}return false}`,
  );
  return `${helpers.join('')}${consts.join('')}function yes(){return true}function no(){return false}${bodies.join('')}export default ${top};`;
}
