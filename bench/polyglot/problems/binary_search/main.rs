use std::io::{self, Read, Write};

/// Every whitespace-separated token of stdin.
fn tokens() -> Vec<String> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text).unwrap();
    text.split_whitespace().map(String::from).collect()
}

fn main() {
    let t: Vec<i64> = tokens().iter().map(|x| x.parse().unwrap()).collect();
    let n = t[0] as usize;
    let xs = &t[1..=n];
    let mut out = String::new();
    for v in &t[n + 2..] {
        let found = match xs.binary_search(v) {
            Ok(i) => i as i64,
            Err(_) => -1,
        };
        out.push_str(&format!("{}\n", found));
    }
    io::stdout().write_all(out.as_bytes()).unwrap();
}
