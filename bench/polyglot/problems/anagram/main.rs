use std::io::{self, Read, Write};

/// Every whitespace-separated token of stdin.
fn tokens() -> Vec<String> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text).unwrap();
    text.split_whitespace().map(String::from).collect()
}

fn main() {
    let t = tokens();
    let sorted = |w: &str| {
        let mut chars: Vec<char> = w.chars().collect();
        chars.sort();
        chars
    };
    writeln!(io::stdout(), "{}", if sorted(&t[0]) == sorted(&t[1]) { "YES" } else { "NO" }).unwrap();
}
