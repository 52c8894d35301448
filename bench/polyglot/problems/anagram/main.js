const [a, b] = require("fs").readFileSync(0, "utf8").trim().split(/\s+/);
const sorted = (w) => [...w].sort().join("");
console.log(sorted(a) === sorted(b) ? "YES" : "NO");
