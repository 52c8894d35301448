use std::io::{self, Read, Write};

/// Every whitespace-separated token of stdin.
fn tokens() -> Vec<String> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text).unwrap();
    text.split_whitespace().map(String::from).collect()
}

fn main() {
    let mut words = tokens();
    words.reverse();
    writeln!(io::stdout(), "{}", words.join(" ")).unwrap();
}
