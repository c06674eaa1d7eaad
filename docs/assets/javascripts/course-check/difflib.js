// Python's difflib.get_close_matches, ported line for line (SequenceMatcher without junk), so the browser
// suggests the same "did you mean" id as the CLI does.

function findLongestMatch(a, b, b2j, alo, ahi, blo, bhi) {
  let [besti, bestj, bestsize] = [alo, blo, 0];
  let j2len = new Map();
  for (let i = alo; i < ahi; i++) {
    const newj2len = new Map();
    for (const j of b2j.get(a[i]) || []) {
      if (j < blo) continue;
      if (j >= bhi) break;
      const k = (j2len.get(j - 1) || 0) + 1;
      newj2len.set(j, k);
      if (k > bestsize) [besti, bestj, bestsize] = [i - k + 1, j - k + 1, k];
    }
    j2len = newj2len;
  }
  while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) { besti--; bestj--; bestsize++; }
  while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize++;
  return [besti, bestj, bestsize];
}

export function ratio(a, b) {
  a = [...a]; b = [...b];
  const b2j = new Map();
  b.forEach((ch, j) => { if (!b2j.has(ch)) b2j.set(ch, []); b2j.get(ch).push(j); });
  if (b.length >= 200) {
    const ntest = Math.floor(b.length / 100) + 1;
    for (const [ch, idxs] of [...b2j]) if (idxs.length > ntest) b2j.delete(ch);
  }
  let matches = 0;
  const queue = [[0, a.length, 0, b.length]];
  while (queue.length) {
    const [alo, ahi, blo, bhi] = queue.pop();
    const [i, j, k] = findLongestMatch(a, b, b2j, alo, ahi, blo, bhi);
    if (k) {
      matches += k;
      if (alo < i && blo < j) queue.push([alo, i, blo, j]);
      if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
    }
  }
  const total = a.length + b.length;
  return total ? (2 * matches) / total : 1;
}

function quickRatio(a, b) {
  const avail = new Map();
  for (const ch of b) avail.set(ch, (avail.get(ch) || 0) + 1);
  let matches = 0;
  for (const ch of a) {
    const n = avail.get(ch) || 0;
    if (n > 0) matches++;
    avail.set(ch, n - 1);
  }
  const total = [...a].length + [...b].length;
  return total ? (2 * matches) / total : 1;
}

export function getCloseMatches(word, possibilities, n = 3, cutoff = 0.6) {
  const result = [];
  const lb = [...word].length;
  for (const x of possibilities) {
    const la = [...x].length;
    const real = la + lb ? (2 * Math.min(la, lb)) / (la + lb) : 1;
    if (real >= cutoff && quickRatio([...x], [...word]) >= cutoff) {
      const score = ratio(x, word);
      if (score >= cutoff) result.push([score, x]);
    }
  }
  result.sort((p, q) => (q[0] - p[0]) || (q[1] < p[1] ? -1 : q[1] > p[1] ? 1 : 0));
  return result.slice(0, n).map((r) => r[1]);
}
