use std::io::{self, Read, Write};

/// Every whitespace-separated token of stdin.
fn tokens() -> Vec<String> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text).unwrap();
    text.split_whitespace().map(String::from).collect()
}

const MOD: u64 = 1_000_000_007;

/// (F(n), F(n+1)) by fast doubling.
fn fib(n: u64) -> (u64, u64) {
    if n == 0 {
        return (0, 1);
    }
    let (a, b) = fib(n >> 1);
    let c = a * ((2 * b + MOD - a) % MOD) % MOD;
    let d = (a * a + b * b) % MOD;
    if n & 1 == 1 { (d, (c + d) % MOD) } else { (c, d) }
}

fn main() {
    let n: u64 = tokens()[0].parse().unwrap();
    writeln!(io::stdout(), "{}", fib(n).0).unwrap();
}
