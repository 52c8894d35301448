const MOD = 1000000007n;

// [F(n), F(n+1)] by fast doubling
function fib(n) {
  if (n === 0n) return [0n, 1n];
  const [a, b] = fib(n >> 1n);
  const c = (a * ((2n * b - a + MOD) % MOD)) % MOD;
  const d = (a * a + b * b) % MOD;
  return n & 1n ? [d, (c + d) % MOD] : [c, d];
}

console.log(String(fib(BigInt(require("fs").readFileSync(0, "utf8").trim()))[0]));
