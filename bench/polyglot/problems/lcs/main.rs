use std::io::{self, Read, Write};

/// Every whitespace-separated token of stdin.
fn tokens() -> Vec<String> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text).unwrap();
    text.split_whitespace().map(String::from).collect()
}

fn main() {
    let t = tokens();
    let (a, b) = (t[0].as_bytes(), t[1].as_bytes());
    let mut previous = vec![0usize; b.len() + 1];
    for &x in a {
        let mut current = vec![0usize; b.len() + 1];
        for j in 1..=b.len() {
            current[j] = if x == b[j - 1] { previous[j - 1] + 1 } else { previous[j].max(current[j - 1]) };
        }
        previous = current;
    }
    writeln!(io::stdout(), "{}", previous[b.len()]).unwrap();
}
