use std::io::{self, Read, Write};

/// Every whitespace-separated token of stdin.
fn tokens() -> Vec<String> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text).unwrap();
    text.split_whitespace().map(String::from).collect()
}

fn main() {
    let t = tokens();
    let seen: std::collections::HashSet<i64> = t[1..].iter().map(|x| x.parse().unwrap()).collect();
    writeln!(io::stdout(), "{}", seen.len()).unwrap();
}
