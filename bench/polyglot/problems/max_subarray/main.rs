use std::io::{self, Read, Write};

/// Every whitespace-separated token of stdin.
fn tokens() -> Vec<String> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text).unwrap();
    text.split_whitespace().map(String::from).collect()
}

fn main() {
    let t = tokens();
    let n: usize = t[0].parse().unwrap();
    let xs: Vec<i64> = t[1..=n].iter().map(|x| x.parse().unwrap()).collect();
    let (mut best, mut current) = (xs[0], xs[0]);
    for &x in &xs[1..] {
        current = x.max(current + x);
        best = best.max(current);
    }
    writeln!(io::stdout(), "{}", best).unwrap();
}
