let [a, b, m] = require("fs").readFileSync(0, "utf8").trim().split(/\s+/).map(BigInt);
let result = 1n % m;
for (a %= m; b > 0n; b >>= 1n, a = (a * a) % m) if (b & 1n) result = (result * a) % m;
console.log(String(result));
