use std::io::{self, Read, Write};

/// Every whitespace-separated token of stdin.
fn tokens() -> Vec<String> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text).unwrap();
    text.split_whitespace().map(String::from).collect()
}

fn main() {
    let s = tokens().remove(0);
    let reversed: String = s.chars().rev().collect();
    writeln!(io::stdout(), "{}", if s == reversed { "YES" } else { "NO" }).unwrap();
}
