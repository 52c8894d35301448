const data = require("fs").readFileSync(0, "utf8").trim().split(/\s+/).map(Number);
const n = data[0];
const xs = data.slice(1, 1 + n);
const out = [];
for (const v of data.slice(2 + n)) {
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  out.push(lo < n && xs[lo] === v ? lo : -1);
}
console.log(out.join("\n"));
