use std::io::{self, Read, Write};

/// Every whitespace-separated token of stdin.
fn tokens() -> Vec<String> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text).unwrap();
    text.split_whitespace().map(String::from).collect()
}

fn main() {
    let t = tokens();
    let (a, b): (i64, i64) = (t[0].parse().unwrap(), t[1].parse().unwrap());
    writeln!(io::stdout(), "{}", a + b).unwrap();
}
