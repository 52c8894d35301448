use std::io::{self, Read, Write};

/// Every whitespace-separated token of stdin.
fn tokens() -> Vec<String> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text).unwrap();
    text.split_whitespace().map(String::from).collect()
}

fn main() {
    let t: Vec<i64> = tokens().iter().map(|x| x.parse().unwrap()).collect();
    let (n, capacity) = (t[0] as usize, t[1] as usize);
    let mut best = vec![0i64; capacity + 1];
    for i in 0..n {
        let (weight, value) = (t[2 + 2 * i] as usize, t[3 + 2 * i]);
        for c in (weight..=capacity).rev() {
            best[c] = best[c].max(best[c - weight] + value);
        }
    }
    writeln!(io::stdout(), "{}", best[capacity]).unwrap();
}
