use std::io::{self, Read, Write};

/// Every whitespace-separated token of stdin.
fn tokens() -> Vec<String> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text).unwrap();
    text.split_whitespace().map(String::from).collect()
}

fn main() {
    let t: Vec<u64> = tokens().iter().map(|x| x.parse().unwrap()).collect();
    let (mut a, mut b, m) = (t[0] % t[2], t[1], t[2]);
    let mut result = 1 % m;
    while b > 0 {
        if b & 1 == 1 {
            result = result * a % m;
        }
        a = a * a % m;
        b >>= 1;
    }
    writeln!(io::stdout(), "{}", result).unwrap();
}
