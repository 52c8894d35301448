use std::io::{self, Read, Write};

/// Every whitespace-separated token of stdin.
fn tokens() -> Vec<String> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text).unwrap();
    text.split_whitespace().map(String::from).collect()
}

fn main() {
    let n: u32 = tokens()[0].parse().unwrap();
    let mut out = String::new();
    for i in 1..=n {
        let line = match (i % 3, i % 5) {
            (0, 0) => "FizzBuzz".to_string(),
            (0, _) => "Fizz".to_string(),
            (_, 0) => "Buzz".to_string(),
            _ => i.to_string(),
        };
        out.push_str(&line);
        out.push('\n');
    }
    io::stdout().write_all(out.as_bytes()).unwrap();
}
