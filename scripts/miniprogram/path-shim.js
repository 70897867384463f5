/* Minimal POSIX `path` for miniprogram-simulate running inside Chromium (scripts/miniprogram/render.ts). */
function normalizeParts(parts, absolute) {
  const out = [];
  for (const p of parts) {
    if (!p || p === '.') continue;
    if (p === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(p);
  }
  return out;
}
function normalize(p) {
  const absolute = p.startsWith('/');
  const joined = normalizeParts(p.split('/'), absolute).join('/');
  return (absolute ? '/' : '') + joined || (absolute ? '/' : '.');
}
function join(...parts) {
  return normalize(parts.filter(Boolean).join('/'));
}
function resolve(...parts) {
  let out = '';
  for (const p of parts) out = p.startsWith('/') ? p : out + '/' + p;
  return normalize(out.startsWith('/') ? out : '/' + out);
}
function dirname(p) {
  const i = p.lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : p.slice(0, i);
}
function basename(p, ext) {
  const b = p.slice(p.lastIndexOf('/') + 1);
  return ext && b.endsWith(ext) ? b.slice(0, -ext.length) : b;
}
function extname(p) {
  const b = basename(p);
  const i = b.lastIndexOf('.');
  return i > 0 ? b.slice(i) : '';
}
function relative(from, to) {
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}
const isAbsolute = (p) => p.startsWith('/');
module.exports = {
  sep: '/',
  delimiter: ':',
  normalize,
  join,
  resolve,
  dirname,
  basename,
  extname,
  relative,
  isAbsolute,
  posix: null,
};
module.exports.posix = module.exports;
