use std::io::{self, Read, Write};

/// Every whitespace-separated token of stdin.
fn tokens() -> Vec<String> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text).unwrap();
    text.split_whitespace().map(String::from).collect()
}

fn main() {
    let t = tokens();
    let mut xs: Vec<i64> = t[1..].iter().map(|x| x.parse().unwrap()).collect();
    xs.sort();
    let parts: Vec<String> = xs.iter().map(|x| x.to_string()).collect();
    writeln!(io::stdout(), "{}", parts.join(" ")).unwrap();
}
