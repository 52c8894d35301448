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
    let a = |i: usize, j: usize| t[1 + i * n + j];
    let b = |i: usize, j: usize| t[1 + n * n + i * n + j];
    let mut out = String::new();
    for i in 0..n {
        let row: Vec<String> = (0..n).map(|j| (0..n).map(|k| a(i, k) * b(k, j)).sum::<i64>().to_string()).collect();
        out.push_str(&row.join(" "));
        out.push('\n');
    }
    io::stdout().write_all(out.as_bytes()).unwrap();
}
