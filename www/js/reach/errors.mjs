// Engine errors in the user's language. The engine's messages (ScenarioError, ExprError,
// RaceError) are typed in Rust and read "path: rule, got value" in English, which the CLI
// and the English page show as they are. For 简体中文 the page translates them here by a fixed
// set of templates (the rule texts the engine writes: src/scenario/, src/optim/ validity,
// src/expr/error.rs): the field keeps its path (runs[0].lr, what a scenario file names) and
// gains its name in the user's language (学习率). A message no template knows keeps its
// English rule after the translated field, so nothing is ever lost.
// Why templates rather than error codes: the messages are the engine's one statement of
// each rule (tested in Rust); codes would need a second copy of every rule's parameters
// across the boundary, for one more language.

import { t, language, hasMessage } from '../i18n.mjs';

// [pattern, key]: captures fill {a}, {b}, {c} of the key's text.
const RULES = [
  [/^must be in ([[(][^\]\)]*[\])])$/, 'errors.in'],
  [/^must be ([<>]=?) (\S+)$/, 'errors.cmp'],
  [/^must be a whole number >= 0$/, 'errors.wholeNonNeg'],
  [/^must be a whole number in \[1, (\d+)\] \(the training points\)$/, 'errors.batchRange'],
  [/^must be at most (\S+)$/, 'errors.atMost'],
  [/^at most (\S+) runs$/, 'errors.atMostRuns'],
  [/^at most (\S+) points$/, 'errors.atMostPoints'],
  [/^at most (\S+) names$/, 'errors.atMostNames'],
  [/^at most (\S+) characters$/, 'errors.atMostChars'],
  [/^must be a number$/, 'errors.number'],
  [/^must be a finite number$/, 'errors.finite'],
  [/^must be a pair of numbers$/, 'errors.pair'],
  [/^must be true or false$/, 'errors.bool'],
  [/^must be a string$/, 'errors.string'],
  [/^must be a CSS colour string$/, 'errors.colour'],
  [/^must be a list of runs$/, 'errors.runList'],
  [/^must not be empty$/, 'errors.empty'],
  [/^must contain at least one run$/, 'errors.oneRun'],
  [/^unknown field \(one of (.*)\)$/, 'errors.unknownField'],
  [/^unknown schedule "([^"]*)" \(one of (.*)\)$/, 'errors.unknownSchedule'],
  [/^missing or not a string \(one of (.*)\)$/, 'errors.missingKind'],
  [/^missing field `([^`]*)`$/, 'errors.missingField'],
  [/^has (\d+) values but x has (\d+)$/, 'errors.lengths'],
  [/^needs momentum > 0 and dampening = 0 \(as PyTorch\)$/, 'errors.nesterov'],
  [/^not valid JSON at line (\d+), column (\d+): (.*)$/, 'errors.json'],
  [/^type a formula in x and y, for example (.*)$/, 'errors.exprEmpty'],
  [/^the formula is too long \((\d+) characters; at most (\d+)\)$/, 'errors.exprLong'],
  [/^the formula is nested too deeply \(more than (\d+) levels\)$/, 'errors.exprDeep'],
  [/^unexpected character '(.*?)'$/, 'errors.exprChar'],
  [/^unexpected character '(.*?)' \((.*)\)$/, 'errors.exprCharHint'],
  [/^unknown function '([^']*)' \(use (.*)\)$/, 'errors.exprFunction'],
  [/^function '([^']*)' needs parentheses: write (.*)$/, 'errors.exprParens'],
  [/^(\w+) takes (\d+) arguments?$/, 'errors.exprArgs'],
  [/^unexpected end of the formula after '(.*)'$/, 'errors.exprEnd'],
  [/^unmatched '\)'$/, 'errors.exprUnmatched'],
  [/^unexpected ',' \(commas only separate the arguments of min and max\)$/, 'errors.exprComma'],
  [/^unexpected '(.*)' after the end of the formula$/, 'errors.exprTrailing'],
  [/^unknown field for the (\S+) schedule \(its fields: (.*)\)$/, 'errors.unknownScheduleField'],
  [/^unknown field for (\S+) \(its hyper-parameters: (.*); and for every run: (.*)\)$/, 'errors.unknownRunField'],
  [/^unknown optimizer "([^"]*)" \(one of (.*)\)$/, 'errors.unknownOptimizer'],
  [/^unknown variant `([^`]*)`, expected one of (.*)$/, 'errors.unknownVariant'],
  [/^'(.*)' is not a number$/, 'errors.notANumber'],
  [/^expected 2 values \(x,y\), found (\d+)$/, 'errors.csvValues'],
  [/^values must be finite numbers$/, 'errors.csvFinite'],
  [/^no data rows$/, 'errors.csvEmpty'],
  [/^the link holds no scenario$/, 'errors.linkEmpty'],
  [/^the link is too long \((\d+) characters; at most (\d+)\)$/, 'errors.linkLong'],
  [/^the link is damaged \(not base64\): it may have been cut short when copied$/, 'errors.linkBase64'],
  [/^the link is damaged \(not text\)$/, 'errors.linkText'],
  [/^the number (\S+) is too large$/, 'errors.exprNumber'],
  [/^unknown name '([^']*)' \(use x, y, pi, e or a function\)$/, 'errors.exprName'],
  [/^expected an operator between '(.*)' and '(.*?)'; write (.*)$/, 'errors.exprOpWrite'],
  [/^expected an operator between '(.*)' and '(.*)'$/, 'errors.exprOp'],
  [/^expected (.*) but found '(.*)'$/, 'errors.exprExpected'],
  [/^missing '\)' to close this '\('$/, 'errors.exprParen'],
];

/** One rule text ("must be > 0, got -1") in the current language; null if unknown. */
function rule(text) {
  const got = /^(.*), got (.*)$/s.exec(text);
  const body = got && !RULES.some(([re]) => re.test(text)) ? got[1] : text;
  for (const [re, key] of RULES) {
    const m = re.exec(body);
    if (!m) continue;
    const b = key === 'errors.exprCharHint' ? hint(m[2]) : m[2];
    const out = t(key, { a: m[1] ?? '', b: b ?? '', c: m[3] ?? '' });
    return got && body !== text ? t('errors.got', { rule: out, value: got[2] }) : out;
  }
  return null;
}

// The formula parser's hints after an unexpected character (src/expr/error.rs char_hint).
const HINTS = { "use '-' for minus": 'minus', "use '*' for multiplication": 'times', "use '/' for division": 'divide', 'use ^ for powers, as in x^2': 'power', 'write pi': 'pi', 'write sqrt(...)': 'sqrt', 'use round parentheses': 'parens' };
const hint = (text) => (HINTS[text] ? t(`errors.hint.${HINTS[text]}`) : text);

/** The field's name in the current language ("学习率") for a path such as runs[0].lr. */
function fieldName(path) {
  const last = path.split('.').pop().replace(/\[\d+\]$/, '');
  for (const key of [`catalog.param.${last}`, `errors.field.${last}`, `catalog.schedule.${last}`]) if (hasMessage(key)) return t(key);
  return null;
}

/** `message` (the engine's, in English) in the page's language. */
export function localError(message) {
  const text = String(message ?? '');
  if (language() === 'en') return text;
  const nested = /^(line (\d+)|the link's scenario is invalid): (.*)$/s.exec(text); // a CSV line, a link's scenario
  if (nested) return t(nested[2] ? 'errors.csvLine' : 'errors.linkInvalid', { a: nested[2] ?? '', b: localError(nested[3]) });
  const m = /^([A-Za-z_][\w.[\]]*): (.*)$/s.exec(text);
  if (!m) return rule(text) ?? text;
  const [, path, rest] = m;
  const name = fieldName(path);
  const what = name ? t('errors.fieldNamed', { name, path }) : path;
  return t('errors.message', { field: what, rule: rule(rest) ?? rest });
}
