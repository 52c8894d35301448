use std::io::{self, Read, Write};

/// Every whitespace-separated token of stdin.
fn tokens() -> Vec<String> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text).unwrap();
    text.split_whitespace().map(String::from).collect()
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

fn main() {
    let t = tokens();
    let (a, b): (u64, u64) = (t[0].parse().unwrap(), t[1].parse().unwrap());
    let g = gcd(a, b);
    writeln!(io::stdout(), "{} {}", g, a / g * b).unwrap();
}
